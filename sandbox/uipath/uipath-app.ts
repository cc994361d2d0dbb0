import { randomBytes } from "node:crypto";
import type { RequestContext, Reply } from "../core/http-types";
import { empty, text } from "../core/reply";
import { Router } from "../core/router";
import type { ServiceApp } from "../core/service-app";
import type { UipathRuntime } from "./model";
import { AccessTokenIssuer } from "./access-tokens";
import { createGuard } from "./api-guard";
import { registerExternalClientRoutes } from "./external-client-routes";
import { registerFederatedCredentialRoutes } from "./federated-credential-routes";
import { notFoundProblem, problem } from "./responses";
import { registerSamlRoutes } from "./saml-routes";
import { createTokenHandler } from "./token-endpoint";

const PORTAL_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>UiPath</title></head><body><div id="root">Loading UiPath Automation Cloud…</div></body></html>`;

/**
 * The UiPath Automation Cloud simulator (Identity API). Routing is case-insensitive
 * like ASP.NET's; paths outside `identity_` answer 200 with the portal's HTML, as a
 * wrong path does at the real host (forum 504018).
 */
export function createUipathApp(
  runtime: UipathRuntime,
  signingKey: CryptoKeyPair,
  accessUrl: () => string,
): ServiceApp {
  const tokens = new AccessTokenIssuer(runtime, signingKey, accessUrl);
  const guard = createGuard(runtime, tokens);
  const router = new Router({ caseInsensitive: true });
  const token = createTokenHandler(runtime, tokens);
  router.on("POST", "/identity_/connect/token", token);
  router.on("POST", "/:org/identity_/connect/token", token);
  registerSamlRoutes(router, runtime, guard);
  registerExternalClientRoutes(router, guard);
  registerFederatedCredentialRoutes(router, runtime, guard);

  return {
    service: "uipath",
    // W3C trace id: what ASP.NET puts in ProblemDetails.traceId.
    newRequestId: () => `00-${randomBytes(16).toString("hex")}-${randomBytes(8).toString("hex")}-00`,
    async handle(ctx: RequestContext): Promise<Reply> {
      const match = router.match(ctx.method, ctx.path);
      if (match) {
        ctx.params = match.params;
        return match.handler(ctx);
      }
      if (/\/identity_\/api\//i.test(ctx.path)) return notFoundProblem(ctx);
      if (/\/identity_\//i.test(ctx.path)) return empty(404);
      return text(200, PORTAL_HTML, "text/html; charset=utf-8");
    },
    faultReply(status, ctx, retryAfter) {
      if (status === 429) return empty(429, retryAfter ? { "retry-after": String(retryAfter) } : {});
      return problem(
        ctx,
        status,
        status >= 500 ? "An error occurred while processing your request." : "Request failed.",
      );
    },
    decorate: (reply) => reply,
  };
}
