import type { Reply } from "./http-types";

/** A JSON reply. `contentType` varies by vendor (ASP.NET adds a charset). */
export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  contentType = "application/json",
): Reply {
  return { status, headers: { "content-type": contentType, ...headers }, body: JSON.stringify(body) };
}

/** A reply with no body. */
export function empty(status: number, headers: Record<string, string> = {}): Reply {
  return { status, headers };
}

/** A text reply of the given content type. */
export function text(
  status: number,
  body: string,
  contentType: string,
  headers: Record<string, string> = {},
): Reply {
  return { status, headers: { "content-type": contentType, ...headers }, body };
}

/** Parses a JSON body; `undefined` when it is empty or not JSON. */
export function parseJsonBody(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    return undefined;
  }
}

/** Narrow unknown JSON to a plain object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
