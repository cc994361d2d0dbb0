import { timingSafeEqual } from "node:crypto";
import type { RequestContext, Reply } from "../core/http-types";
import { gatewayAuthError } from "./errors";
import type { HuaweiState, HwCredential } from "./model";
import {
  canonicalRequest,
  formatSdkDate,
  parseAuthorization,
  parseSdkDate,
  signString,
  stringToSign,
} from "./signature";

/** The gateway accepts X-Sdk-Date within 15 minutes of its own (sandbox) clock. */
export const MAX_SKEW_MS = 15 * 60_000;

/**
 * The API gateway's AK/SK check: SDK format, X-Sdk-Date signed and within ±15 min,
 * a known AK, the security token of temporary credentials, then the signature
 * recomputed over the client's own SignedHeaders and the raw body bytes.
 */
export function verifyRequest(
  state: HuaweiState,
  ctx: RequestContext,
): { ok: true; credential: HwCredential } | { ok: false; reply: Reply } {
  const failWith = (detail: string) => ({ ok: false as const, reply: gatewayAuthError(ctx, detail) });
  const header = ctx.headers.authorization;
  if (header === undefined) return failWith("Authorization header is missing");
  const auth = parseAuthorization(header);
  if (!auth)
    return failWith("verify aksk signature fail, the Authorization header is not in SDK-HMAC-SHA256 format");
  const sdkDateRaw = ctx.headers["x-sdk-date"];
  const sdkDate = parseSdkDate(typeof sdkDateRaw === "string" ? sdkDateRaw : undefined);
  if (!sdkDate || !auth.signedHeaders.includes("x-sdk-date"))
    return failWith("verify aksk signature fail, X-Sdk-Date is missing, malformed or not signed");
  if (Math.abs(sdkDate.getTime() - ctx.now.getTime()) > MAX_SKEW_MS) {
    return failWith(
      `calc aksk signature fail:signature expired, signature time:${sdkDateRaw},server time:${formatSdkDate(ctx.now)}`,
    );
  }
  const credential = state.credentials.find((c) => c.accessKey === auth.accessKey);
  if (!credential) return failWith("the access key does not exist");
  if (credential.securityToken !== undefined) {
    const sent = ctx.headers["x-security-token"];
    if (typeof sent !== "string" || !safeEqual(sent, credential.securityToken))
      return failWith("the security token is missing or does not match the temporary access key");
    if (credential.expiresAt && credential.expiresAt.getTime() <= ctx.now.getTime())
      return failWith("the temporary access key and security token have expired");
  }
  const canonical = canonicalRequest(
    {
      method: ctx.method,
      rawPath: ctx.rawPath,
      rawQuery: ctx.rawQuery,
      headers: ctx.headers,
      body: ctx.body,
    },
    auth.signedHeaders,
  );
  const expected = signString(credential.secretKey, stringToSign(canonical, sdkDateRaw as string));
  if (!safeEqual(expected, auth.signature)) {
    // The real gateway echoes its canonical request with `|` for newlines, to help debugging.
    return failWith(`verify aksk signature fail, canonicalRequest:${canonical.replace(/\n/g, "|")}`);
  }
  return { ok: true, credential };
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
