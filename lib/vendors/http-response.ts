import "server-only";

import type { z } from "zod";

/** A response whose body has been read in full (so the attempt's timeout covered the body too). */
export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The URL that was requested, without query string. */
  url: string;
}

/** What a reader makes of a 2xx response: the parsed value, or why it is not what we expected. */
export type ReadResult<T> =
  | { ok: true; value: T }
  /** `webPage`: the answer is an HTML page, so the URL points at a website, not the vendor's API. */
  | { ok: false; problem: string; webPage?: boolean };

/** Turns a 2xx response into a typed value; a mismatch becomes a `malformed-response` error. */
export type ResponseReader<T> = (raw: RawResponse) => ReadResult<T>;

/** Reads a JSON body and validates it with `schema`; HTML or any other media type is refused. */
export function expectJson<S extends z.ZodType>(schema: S): ResponseReader<z.output<S>> {
  return (raw) => {
    const mediaType = mediaTypeOf(raw.headers);
    if (!isJsonMediaType(mediaType)) {
      return {
        ok: false,
        problem: `answered ${mediaType ?? "without a Content-Type"} instead of JSON${htmlHint(raw.text)}`,
        webPage: isWebPage(mediaType, raw.text),
      };
    }
    const json = parseJson(raw.text);
    if (!json.ok) return { ok: false, problem: "answered a body that is not valid JSON" };
    return validate(schema, json.value);
  };
}

/** Reads a text body (e.g. a PEM download) of the given media type and validates it with `schema`. */
export function expectText<S extends z.ZodType>(
  mediaTypes: readonly string[],
  schema: S,
): ResponseReader<z.output<S>> {
  return (raw) => {
    const mediaType = mediaTypeOf(raw.headers);
    if (!mediaType || !mediaTypes.includes(mediaType)) {
      return {
        ok: false,
        problem: `answered ${mediaType ?? "without a Content-Type"} instead of ${mediaTypes.join(" or ")}${htmlHint(raw.text)}`,
        webPage: isWebPage(mediaType, raw.text),
      };
    }
    return validate(schema, raw.text);
  };
}

/** Accepts any 2xx and ignores the body (Huawei answers 200 with an empty body, UiPath 204). */
export function expectEmpty(): ResponseReader<void> {
  return () => ({ ok: true, value: undefined });
}

/** Parses a body as JSON if it looks like JSON, for reading error envelopes; undefined otherwise. */
export function jsonBodyOf(raw: RawResponse): unknown {
  const result = parseJson(raw.text);
  return result.ok ? result.value : undefined;
}

/** The lower-cased media type of a response, without parameters. */
export function mediaTypeOf(headers: Headers): string | undefined {
  return headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() || undefined;
}

function isJsonMediaType(mediaType: string | undefined): boolean {
  return mediaType === "application/json" || (mediaType?.endsWith("+json") ?? false);
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function validate<S extends z.ZodType>(schema: S, value: unknown): ReadResult<z.output<S>> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  // Paths and zod's messages only: the offending values could be certificates or tokens.
  const issues = result.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.join(".") : "body"}: ${issue.message}`)
    .join("; ");
  return { ok: false, problem: `answered JSON of an unexpected shape (${issues})` };
}

function isWebPage(mediaType: string | undefined, text: string): boolean {
  return mediaType === "text/html" || looksLikeHtml(text);
}

function looksLikeHtml(text: string): boolean {
  return /^\s*<(!doctype|html)/i.test(text);
}

function htmlHint(text: string): string {
  return looksLikeHtml(text) ? " (an HTML page: the URL probably points at a web page, not the API)" : "";
}
