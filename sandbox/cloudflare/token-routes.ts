import type { RequestContext, Reply } from "../core/http-types";
import type { Router } from "../core/router";
import { effectiveStatus, type CfCaller } from "./auth";
import { fail, ok } from "./envelope";
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

/** C-9: `/user/tokens/verify` (user-owned tokens) and `/accounts/{id}/tokens/verify` (account-owned). */
export function registerTokenRoutes(
  router: Router,
  withCaller: (h: CallerHandler) => (ctx: RequestContext) => Promise<Reply>,
): void {
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
