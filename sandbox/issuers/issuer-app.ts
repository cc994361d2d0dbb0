import { randomUUID } from "node:crypto";
import type { SandboxClock } from "../core/clock";
import type { RequestContext, Reply } from "../core/http-types";
import { isRecord, json, parseJsonBody } from "../core/reply";
import { Router } from "../core/router";
import type { ServiceApp } from "../core/service-app";
import { MINT_ALGORITHMS, type Issuer, type MintAlgorithm } from "./issuer";
import { ISSUER_PROFILES, type IssuerName } from "./issuer-profiles";

/** Routes of the HTTPS issuer host: discovery, JWKS and mint per issuer, plus an index. */
export function createIssuerApp(issuers: Map<IssuerName, Issuer>, clock: SandboxClock): ServiceApp {
  const router = new Router();
  const find = (ctx: RequestContext) => issuers.get(ctx.params.issuer as IssuerName);

  router.on("GET", "/", () =>
    json(200, { issuers: Object.fromEntries([...issuers].map(([n, i]) => [n, i.url])) }),
  );
  router.on("GET", "/:issuer/.well-known/openid-configuration", (ctx) => {
    const issuer = find(ctx);
    return issuer ? json(200, issuer.discovery(), { "cache-control": "max-age=300" }) : notFound();
  });
  // Each issuer keeps its JWKS where the real service does (GitHub, GitLab, Kubernetes differ).
  const jwksPaths = new Set(Object.values(ISSUER_PROFILES).map((p) => p.jwksPath));
  for (const jwksPath of jwksPaths) {
    router.on("GET", `/:issuer${jwksPath}`, (ctx) => {
      const issuer = find(ctx);
      if (!issuer || issuer.profile.jwksPath !== jwksPath || issuer.profile.brokenJwks) return notFound();
      return json(200, issuer.jwks(), { "cache-control": "max-age=300" });
    });
  }
  router.on("POST", "/:issuer/mint", async (ctx) => {
    const issuer = find(ctx);
    if (!issuer) return notFound();
    const body = ctx.body.length === 0 ? {} : parseJsonBody(ctx.body);
    if (!isRecord(body))
      return json(400, {
        error: "invalid_request",
        error_description: "The body must be a JSON object of claims.",
      });
    const { alg, kid, expiresIn, ...claims } = body;
    if (alg !== undefined && !MINT_ALGORITHMS.includes(alg as MintAlgorithm)) {
      return json(400, {
        error: "invalid_request",
        error_description: `alg must be one of ${MINT_ALGORITHMS.join(", ")}.`,
      });
    }
    if (kid !== undefined && typeof kid !== "string")
      return json(400, { error: "invalid_request", error_description: "kid must be a string." });
    if (expiresIn !== undefined && typeof expiresIn !== "number")
      return json(400, { error: "invalid_request", error_description: "expiresIn is in seconds." });
    const token = await issuer.mint(
      claims,
      { alg: alg as MintAlgorithm | undefined, kid, expiresIn },
      clock.nowMs(),
    );
    return json(200, { token });
  });

  return {
    service: "issuers",
    newRequestId: () => randomUUID(),
    async handle(ctx) {
      const match = router.match(ctx.method, ctx.path);
      if (!match) return notFound();
      ctx.params = match.params;
      return match.handler(ctx);
    },
    faultReply: (status, _ctx, retryAfter) =>
      json(
        status,
        { error: status === 429 ? "rate_limited" : "server_error" },
        retryAfter ? { "retry-after": String(retryAfter) } : {},
      ),
    decorate: (reply, ctx) => ({ ...reply, headers: { ...reply.headers, "x-request-id": ctx.requestId } }),
  };
}

function notFound(): Reply {
  return json(404, { error: "not_found" });
}
