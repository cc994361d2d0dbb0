import type { RequestContext, Reply } from "../core/http-types";
import { authenticationError, fail } from "./envelope";
import type { CfGlobalKey, CfToken, CloudflareState } from "./model";

/** Who is calling. */
export type CfCaller = { kind: "token"; token: CfToken } | { kind: "global"; key: CfGlobalKey };

const BEARER = /^Bearer ([A-Za-z0-9_-]{40})$/;
const GLOBAL_KEY = /^[0-9a-f]{37}$/;

function invalidHeaders(code: number, message: string): Reply {
  return fail(400, [{ code: 6003, message: "Invalid request headers", error_chain: [{ code, message }] }]);
}

/**
 * Reads the credentials: `Authorization: Bearer <40-char token>` or the legacy
 * `X-Auth-Email` + `X-Auth-Key` (37 hex). Malformed headers are 400 6003 with the
 * 6111 / 6103 / 6102 chain; an unknown token is 403 10000.
 */
export function authenticate(
  state: CloudflareState,
  ctx: RequestContext,
): { ok: true; caller: CfCaller } | { ok: false; reply: Reply } {
  const authorization = ctx.headers.authorization;
  if (authorization !== undefined) {
    const m = BEARER.exec(authorization);
    if (!m) return { ok: false, reply: invalidHeaders(6111, "Invalid format for Authorization header") };
    const token = state.tokens.find((t) => t.value === m[1]);
    return token
      ? { ok: true, caller: { kind: "token", token } }
      : { ok: false, reply: authenticationError() };
  }
  const key = ctx.headers["x-auth-key"];
  if (typeof key === "string") {
    // The classic mistake: an API token pasted as X-Auth-Key (cloudflare-typescript#161).
    if (!GLOBAL_KEY.test(key))
      return { ok: false, reply: invalidHeaders(6103, "Invalid format for X-Auth-Key header") };
    const email = ctx.headers["x-auth-email"];
    if (typeof email !== "string" || email === "")
      return {
        ok: false,
        reply: invalidHeaders(6102, "No X-Auth-Email header or X-Auth-User-Service-Key header"),
      };
    const found = state.globalKeys.find(
      (g) => g.key === key && g.email.toLowerCase() === email.toLowerCase(),
    );
    return found
      ? { ok: true, caller: { kind: "global", key: found } }
      : { ok: false, reply: fail(403, [{ code: 9103, message: "Unknown X-Auth-Key or X-Auth-Email" }]) };
  }
  return {
    ok: false,
    reply: fail(400, [{ code: 9106, message: "Missing X-Auth-Key, X-Auth-Email or Authorization headers" }]),
  };
}

/** A token's status on the sandbox clock (an active token past expires_on reads as expired). */
export function effectiveStatus(token: CfToken, now: Date): CfToken["status"] {
  if (token.status !== "active") return token.status;
  if (token.expiresOn && token.expiresOn.getTime() <= now.getTime()) return "expired";
  return "active";
}

/** Whether the caller may act on an account; 403 10000 otherwise (even when verify says active). */
export function authorize(
  caller: CfCaller,
  accountId: string,
  need: "read" | "write",
  now: Date,
): Reply | undefined {
  if (caller.kind === "global")
    return caller.key.accounts.includes(accountId) ? undefined : authenticationError();
  const t = caller.token;
  const usable =
    effectiveStatus(t, now) === "active" &&
    (!t.notBefore || t.notBefore.getTime() <= now.getTime()) &&
    t.accounts.includes(accountId) &&
    t.permissions.includes(need);
  return usable ? undefined : authenticationError();
}

/** The key the rate limit counts under. */
export function rateKey(caller: CfCaller): string {
  return caller.kind === "token" ? `token:${caller.token.id}` : `user:${caller.key.email.toLowerCase()}`;
}
