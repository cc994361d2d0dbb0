// Decoding (not verifying) a JWT, in the browser as well as on the server: the tester shows the
// claims before anything is sent anywhere. Signature checks are UiPath's job, at exchange time.

/** UiPath rejects assertions larger than this before validating them. */
export const MAX_ASSERTION_BYTES = 8192;

/** A decoded JWT: header and payload as JSON objects, and the token's size in bytes. */
export interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  sizeBytes: number;
  hasSignature: boolean;
}

export type DecodeResult = { ok: true; jwt: DecodedJwt; token: string } | { ok: false; message: string };

const PART_NAMES = ["header", "payload", "signature"] as const;

function base64UrlToText(part: string): string {
  const base64 = part
    .replace(/-/g, "+")
    .replace(/_/g, "/")
    .padEnd(Math.ceil(part.length / 4) * 4, "=");
  const binary = atob(base64);
  return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

function jsonObject(part: string, name: string): Record<string, unknown> | string {
  let text: string;
  try {
    text = base64UrlToText(part);
  } catch {
    return `The ${name} is not valid base64url-encoded UTF-8.`;
  }
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // falls through to the message below
  }
  return `The ${name} is not a JSON object.`;
}

/**
 * Decodes a compact JWS (header.payload.signature). Whitespace around the token and a leading
 * "Bearer " are tolerated, since tokens are often copied from logs or headers.
 */
export function decodeJwt(input: string): DecodeResult {
  const token = input.trim().replace(/^Bearer\s+/i, "");
  if (!token) return { ok: false, message: "Paste a JWT: three base64url parts separated by dots." };
  const parts = token.split(".");
  if (parts.length === 5)
    return {
      ok: false,
      message: "This is an encrypted JWT (JWE, five parts); UiPath needs a signed JWT (three parts).",
    };
  if (parts.length !== 3)
    return { ok: false, message: `A JWT has three parts separated by dots; this has ${parts.length}.` };
  const bad = parts.findIndex((part, i) =>
    i < 2 ? !/^[A-Za-z0-9_-]+$/.test(part) : !/^[A-Za-z0-9_-]*$/.test(part),
  );
  if (bad >= 0)
    return {
      ok: false,
      message: `The ${PART_NAMES[bad]} contains characters that are not base64url (A–Z, a–z, 0–9, - and _).`,
    };
  const header = jsonObject(parts[0]!, "header");
  if (typeof header === "string") return { ok: false, message: header };
  const payload = jsonObject(parts[1]!, "payload");
  if (typeof payload === "string") return { ok: false, message: payload };
  return {
    ok: true,
    token,
    jwt: {
      header,
      payload,
      sizeBytes: new TextEncoder().encode(token).length,
      hasSignature: parts[2]!.length > 0,
    },
  };
}

/** A claim as a string, or undefined when absent or not a string. */
export function stringClaim(claims: Record<string, unknown>, name: string): string | undefined {
  const value = claims[name];
  return typeof value === "string" ? value : undefined;
}

/** A numeric date claim (seconds since the epoch), or undefined. */
export function numericClaim(claims: Record<string, unknown>, name: string): number | undefined {
  const value = claims[name];
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/** The `aud` claim as a list (a JWT may carry one string or an array). */
export function audiences(claims: Record<string, unknown>): string[] {
  const aud = claims.aud;
  if (typeof aud === "string") return [aud];
  return Array.isArray(aud) ? aud.filter((a): a is string => typeof a === "string") : [];
}
