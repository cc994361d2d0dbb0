import { createHash, createHmac } from "node:crypto";
import { canonicalQuery, canonicalUri, formatSdkDate } from "./signature";
import { httpRequest, type TestResponse } from "../testing/http";

/** Credentials for a signed test request. */
export interface SigningCredentials {
  accessKey: string;
  secretKey: string;
  securityToken?: string;
}

/**
 * A test-only SDK-HMAC-SHA256 client, signing like the Node SDK (host, content-type
 * and every header given). It reuses the verifier's URI/query canonicalisation, which
 * the T1–T3 vectors pin down; the canonical request itself is assembled here.
 */
export function signedRequest(
  url: string,
  creds: SigningCredentials,
  init: {
    method?: string;
    body?: string;
    date?: Date;
    headers?: Record<string, string>;
    signedHeaders?: string[];
    /** Sent instead of what was signed, to test tampering. */
    tamper?: { headers?: Record<string, string>; body?: string };
  } = {},
): Promise<TestResponse> {
  const u = new URL(url);
  const method = init.method ?? "GET";
  const body = init.body ?? "";
  const headers: Record<string, string> = {
    "content-type": "application/json",
    host: u.host,
    "x-sdk-date": formatSdkDate(init.date ?? new Date()),
    ...(creds.securityToken && { "x-security-token": creds.securityToken }),
    ...init.headers,
  };
  const signed =
    init.signedHeaders ??
    Object.keys(headers)
      .map((h) => h.toLowerCase())
      .sort();
  const canonical = [
    method,
    canonicalUri(u.pathname),
    canonicalQuery(u.search.slice(1)),
    signed.map((h) => `${h}:${(headers[h] ?? "").trim()}\n`).join(""),
    signed.join(";"),
    createHash("sha256").update(body).digest("hex"),
  ].join("\n");
  const toSign = `SDK-HMAC-SHA256\n${headers["x-sdk-date"]}\n${createHash("sha256").update(canonical).digest("hex")}`;
  const signature = createHmac("sha256", creds.secretKey).update(toSign).digest("hex");
  headers.authorization = `SDK-HMAC-SHA256 Access=${creds.accessKey}, SignedHeaders=${signed.join(";")}, Signature=${signature}`;
  const sentBody = init.tamper?.body ?? body;
  return httpRequest(url, {
    method,
    headers: { ...headers, ...init.tamper?.headers },
    body: sentBody || undefined,
  });
}
