import type { RequestContext, Reply } from "../core/http-types";
import type { Router } from "../core/router";
import { effectiveStatus, type CfCaller } from "./auth";
import { authenticationError, fail, ok } from "./envelope";
import type { CloudflareState } from "./model";
import type { CallerHandler } from "./saml-certificate-routes";

const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");

function invalidToken(): Reply {
  return fail(401, [{ code: 1000, message: "Invalid API Token" }]);
}

function verify(ctx: RequestContext, caller: CfCaller, owner: "user" | "account"): Reply {
  if (caller.kind !== "token")
    return fail(400, [
      {
        code: 6003,
        message: "Invalid request headers",
        error_chain: [{ code: 6111, message: "Invalid format for Authorization header" }],
      },
    ]);
  const t = caller.token;
  if (t.owner !== owner || (owner === "account" && !t.accounts.includes(ctx.params.accountId!)))
    return invalidToken();
  const status = effectiveStatus(t, ctx.now);
  const result = {
    id: t.id,
    status,
    ...(t.expiresOn && { expires_on: iso(t.expiresOn) }),
    ...(t.notBefore && { not_before: iso(t.notBefore) }),
  };
  return ok(result, {
    messages: status === "active" ? [{ code: 10000, message: "This API Token is valid and active" }] : [],
  });
}

/** GET /accounts: the accounts a usable token (or global key) may act on, as one page. */
function listAccounts(ctx: RequestContext, caller: CfCaller, state: CloudflareState): Reply {
  if (caller.kind === "token" && effectiveStatus(caller.token, ctx.now) !== "active")
    return authenticationError();
  const ids = caller.kind === "token" ? caller.token.accounts : caller.key.accounts;
  const accounts = state.accounts
    .filter((a) => ids.includes(a.id))
    .map((a) => ({ id: a.id, name: a.name, type: "standard", settings: {} }));
  const count = accounts.length;
  return ok(accounts, {
    result_info: { page: 1, per_page: 50, count, total_count: count, total_pages: count ? 1 : 0 },
  });
}

/** C-9: `/user/tokens/verify` (user-owned tokens) and `/accounts/{id}/tokens/verify` (account-owned). */
export function registerTokenRoutes(
  router: Router,
  withCaller: (h: CallerHandler) => (ctx: RequestContext) => Promise<Reply>,
  state: () => CloudflareState,
): void {
  router.on(
    "GET",
    "/client/v4/accounts",
    withCaller((ctx, caller) => listAccounts(ctx, caller, state())),
  );
  router.on(
    "GET",
    "/client/v4/user/tokens/verify",
    withCaller((ctx, caller) => verify(ctx, caller, "user")),
  );
  router.on(
    "GET",
    "/client/v4/accounts/:accountId/tokens/verify",
    withCaller((ctx, caller) => verify(ctx, caller, "account")),
  );
}
