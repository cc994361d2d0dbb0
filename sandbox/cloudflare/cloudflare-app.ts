import { randomBytes } from "node:crypto";
import type { RequestContext, Reply } from "../core/http-types";
import type { RateDecision } from "../core/rate-window";
import { Router } from "../core/router";
import type { ServiceApp } from "../core/service-app";
import type { CloudflareRuntime } from "./model";
import { authenticate, rateKey } from "./auth";
import { fail, noRoute } from "./envelope";
import { registerSamlCertificateRoutes, type CallerHandler } from "./saml-certificate-routes";
import { registerTokenRoutes } from "./token-routes";

const LIMIT = 1200;
const WINDOW_S = 300;
const COLOS = ["SJC", "AMS", "SIN", "FRA", "IAD"];

/**
 * The Cloudflare API simulator (`/client/v4`): envelope on every JSON reply,
 * credentials checked per request, 1200 requests / 5 min per token with a 5-minute
 * block on breach, `Ratelimit` / `Ratelimit-Policy` always, `cf-ray` as request id.
 */
export function createCloudflareApp(runtime: CloudflareRuntime): ServiceApp {
  const router = new Router();
  const decisions = new WeakMap<RequestContext, RateDecision>();
  const withCaller =
    (handler: CallerHandler) =>
    async (ctx: RequestContext): Promise<Reply> => {
      const auth = authenticate(runtime.state, ctx);
      if (!auth.ok) return auth.reply;
      if (runtime.settings.rateLimits) {
        const decision = runtime.state.rateWindow.hit(rateKey(auth.caller), LIMIT, ctx.now.getTime());
        decisions.set(ctx, decision);
        if (!decision.allowed) return rateLimited(decision.resetSeconds);
      }
      return handler(ctx, auth.caller);
    };
  registerSamlCertificateRoutes(router, runtime, withCaller);
  registerTokenRoutes(router, withCaller, () => runtime.state);

  return {
    service: "cloudflare",
    newRequestId: () => `${randomBytes(8).toString("hex")}-${COLOS[randomBytes(1)[0]! % COLOS.length]}`,
    async handle(ctx) {
      const match = router.match(ctx.method, ctx.path);
      if (!match) return noRoute(ctx.rawPath);
      ctx.params = match.params;
      return match.handler(ctx);
    },
    faultReply(status, _ctx, retryAfter) {
      if (status === 429) return rateLimited(retryAfter ?? 1);
      if (status === 409) return fail(409, [{ code: 1409, message: "Conflict" }]);
      return fail(status, [
        {
          code: status >= 500 ? 10001 : 1000 + status,
          message: status >= 500 ? "An unknown error has occurred" : "Request failed",
        },
      ]);
    },
    decorate(reply, ctx) {
      const d = decisions.get(ctx);
      return {
        ...reply,
        headers: {
          ...reply.headers,
          "cf-ray": ctx.requestId,
          ratelimit: `"default";r=${d ? d.remaining : LIMIT};t=${d ? d.resetSeconds : WINDOW_S}`,
          "ratelimit-policy": `"default";q=${LIMIT};w=${WINDOW_S}`,
        },
      };
    },
  };
}

function rateLimited(retryAfter: number): Reply {
  return fail(
    429,
    [
      {
        code: 971,
        message: `More than ${LIMIT} requests per ${WINDOW_S} seconds reached. Please wait and consider throttling your request speed`,
      },
    ],
    {
      "retry-after": String(retryAfter),
    },
  );
}
