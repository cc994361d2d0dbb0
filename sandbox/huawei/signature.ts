import { createHash, createHmac } from "node:crypto";

/**
 * SDK-HMAC-SHA256 canonicalisation, written from docs/vendor-contracts.md, Huawei "Request signing" (the algorithm of
 * huaweicloud-sdk-go-v3 signer.go and the Node AKSKSigner). Independent of the
 * dashboard's signer on purpose: the sandbox must catch the dashboard's mistakes.
 */
export const ALGORITHM = "SDK-HMAC-SHA256";
export const EMPTY_BODY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/** The request as the gateway sees it. */
export interface SignableRequest {
  method: string;
  /** Path as sent, possibly percent-encoded, without the query. */
  rawPath: string;
  /** Query string as sent, without `?`. */
  rawQuery: string;
  /** Lower-case header names. */
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A parsed `Authorization: SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…`. */
export interface ParsedAuthorization {
  accessKey: string;
  signedHeaders: string[];
  signature: string;
}

// Exactly the SDK format: one space after the algorithm, ", " between the parts.
const AUTHORIZATION = /^SDK-HMAC-SHA256 Access=([^,\s]+), SignedHeaders=([^,\s]+), Signature=([0-9a-f]+)$/;

/** Parses the Authorization header; undefined when it is not in the SDK format. */
export function parseAuthorization(value: string | undefined): ParsedAuthorization | undefined {
  const m = value ? AUTHORIZATION.exec(value) : null;
  if (!m) return undefined;
  return { accessKey: m[1]!, signedHeaders: m[2]!.split(";"), signature: m[3]! };
}

/** Percent-encodes everything except A–Z a–z 0–9 - _ . ~ with upper-case hex. */
export function escape(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Each path segment decoded then re-escaped; a trailing `/` is always added. */
export function canonicalUri(rawPath: string): string {
  const uri = rawPath
    .split("/")
    .map((s) => escape(safeDecode(s)))
    .join("/");
  return uri.endsWith("/") ? uri : `${uri}/`;
}

/** Keys sorted, each key's values sorted, `enc(k)=enc(v)` joined by `&`. */
export function canonicalQuery(rawQuery: string): string {
  if (rawQuery === "") return "";
  const byKey = new Map<string, string[]>();
  for (const pair of rawQuery.split("&")) {
    if (pair === "") continue;
    const eq = pair.indexOf("=");
    // Go's url.Query() reads `+` as a space; so do we.
    const k = safeDecode((eq === -1 ? pair : pair.slice(0, eq)).replace(/\+/g, " "));
    const v = eq === -1 ? "" : safeDecode(pair.slice(eq + 1).replace(/\+/g, " "));
    byKey.set(k, [...(byKey.get(k) ?? []), v]);
  }
  return [...byKey.keys()]
    .sort(byteOrder)
    .flatMap((k) =>
      byKey
        .get(k)!
        .sort(byteOrder)
        .map((v) => `${escape(k)}=${escape(v)}`),
    )
    .join("&");
}

function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

function headerValue(headers: SignableRequest["headers"], name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(",") : v;
}

/**
 * The canonical request over exactly the client's SignedHeaders. A missing signed
 * header canonicalises to an empty value (and so fails the comparison).
 */
export function canonicalRequest(req: SignableRequest, signedHeaders: string[]): string {
  const headers = signedHeaders.map((h) => `${h}:${(headerValue(req.headers, h) ?? "").trim()}\n`).join("");
  const bodyHash =
    headerValue(req.headers, "x-sdk-content-sha256") ?? createHash("sha256").update(req.body).digest("hex");
  return [
    req.method.toUpperCase(),
    canonicalUri(req.rawPath),
    canonicalQuery(req.rawQuery),
    headers,
    signedHeaders.join(";"),
    bodyHash,
  ].join("\n");
}

/** `SDK-HMAC-SHA256\n{X-Sdk-Date}\n{hex sha256(canonical request)}`. */
export function stringToSign(canonical: string, sdkDate: string): string {
  return `${ALGORITHM}\n${sdkDate}\n${createHash("sha256").update(canonical).digest("hex")}`;
}

/** Lower-case hex HMAC-SHA256 of the string to sign, keyed by the SK bytes. */
export function signString(secretKey: string, toSign: string): string {
  return createHmac("sha256", secretKey).update(toSign).digest("hex");
}

/** Parses `YYYYMMDDTHHMMSSZ`; undefined when malformed. */
export function parseSdkDate(value: string | undefined): Date | undefined {
  const m = value ? /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value) : null;
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  const date = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** Formats a date as `YYYYMMDDTHHMMSSZ`. */
export function formatSdkDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}
