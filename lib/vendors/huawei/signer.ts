import "server-only";

import { createHash, createHmac } from "node:crypto";

/** AK/SK credentials; `securityToken` accompanies temporary keys. */
export interface HuaweiCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  securityToken?: string;
}

/** What gets signed: the headers the caller chose to sign (X-Sdk-Date is added here). */
export interface SignableRequest {
  method: string;
  url: URL;
  /** Headers to sign, e.g. content-type and host. Names containing `_` are never signed (as the SDKs do). */
  headers: Record<string, string>;
  /** The exact bytes that will be sent. */
  body?: string | Uint8Array;
}

const ALGORITHM = "SDK-HMAC-SHA256";

/** `YYYYMMDDTHHMMSSZ` in UTC, the `X-Sdk-Date` format. */
export function formatSdkDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/**
 * Signs a request with `SDK-HMAC-SHA256` (Huawei Cloud API Gateway AK/SK signing, as in the
 * official Go and Node SDKs) and returns the headers to add: `X-Sdk-Date` and `Authorization`.
 * Call it for every attempt: the gateway refuses dates more than 15 minutes off.
 */
export function signRequest(
  request: SignableRequest,
  credentials: Pick<HuaweiCredentials, "accessKeyId" | "secretAccessKey">,
  date: Date,
): {
  "X-Sdk-Date": string;
  Authorization: string;
} {
  const sdkDate = formatSdkDate(date);
  const headers = new Map<string, string>();
  for (const [name, value] of Object.entries(request.headers)) {
    if (!name.includes("_")) headers.set(name.toLowerCase(), value.trim());
  }
  headers.set("x-sdk-date", sdkDate);
  const signedHeaders = [...headers.keys()].sort();
  const canonical = canonicalRequest(request, headers, signedHeaders);
  const stringToSign = `${ALGORITHM}\n${sdkDate}\n${sha256Hex(canonical)}`;
  const signature = createHmac("sha256", credentials.secretAccessKey)
    .update(stringToSign, "utf8")
    .digest("hex");
  return {
    "X-Sdk-Date": sdkDate,
    Authorization: `${ALGORITHM} Access=${credentials.accessKeyId}, SignedHeaders=${signedHeaders.join(";")}, Signature=${signature}`,
  };
}

/** The canonical request (exported for tests and for diffing against the gateway's echo). */
export function canonicalRequest(
  request: SignableRequest,
  headers: Map<string, string>,
  signedHeaders: string[],
): string {
  const bodyHash = headers.get("x-sdk-content-sha256") ?? sha256Hex(request.body ?? "");
  return [
    request.method.toUpperCase(),
    canonicalUri(request.url),
    canonicalQuery(request.url),
    // Each header line ends with "\n", and the join adds one more: the blank line is intended.
    signedHeaders.map((name) => `${name}:${headers.get(name) ?? ""}\n`).join(""),
    signedHeaders.join(";"),
    bodyHash,
  ].join("\n");
}

/** Each path segment decoded then re-encoded; a trailing `/` is always appended (`/v1/x` → `/v1/x/`). */
function canonicalUri(url: URL): string {
  const path = url.pathname
    .split("/")
    .map((segment) => encode(decodeURIComponent(segment)))
    .join("/");
  return path.endsWith("/") ? path : `${path}/`;
}

/** Keys sorted, each key's values sorted, `enc(k)=enc(v)` joined by `&`. */
function canonicalQuery(url: URL): string {
  const grouped = new Map<string, string[]>();
  for (const [key, value] of url.searchParams) grouped.set(key, [...(grouped.get(key) ?? []), value]);
  return [...grouped.keys()]
    .sort()
    .flatMap((key) => (grouped.get(key) ?? []).sort().map((value) => `${encode(key)}=${encode(value)}`))
    .join("&");
}

/** RFC 3986 encoding: only `A–Z a–z 0–9 - _ . ~` stay as they are, hex in upper case. */
function encode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}
