import { randomBytes } from "node:crypto";
import type { RequestContext } from "../core/http-types";
import { Router } from "../core/router";
import type { ServiceApp } from "../core/service-app";
import type { HuaweiRuntime } from "./model";
import { hwError, hwJson } from "./errors";
import { registerIdpRoutes } from "./idp-routes";
import { registerSpCertificateRoutes } from "./sp-certificate-routes";
import { createStoreGuard } from "./store-guard";

/** A region's endpoint: the real hosts are identitystore.{region}.myhuaweicloud.com. */
const REGIONAL_PATH = /^\/([a-z]{2}(?:-[a-z]+)+-\d+)(\/v1\/.*)$/;

/**
 * The Huawei Cloud IAM Identity Center simulator: Identity Store certificate endpoints
 * plus the Identity Center discovery routes, behind an AK/SK-verifying "API gateway". Each
 * region's Identity Store endpoint is the path prefix `/{region}`, and knows only the stores of
 * that region; the root serves them all.
 * Every response carries X-Request-Id (32 hex), which error bodies repeat.
 */
export function createHuaweiApp(runtime: HuaweiRuntime): ServiceApp {
  const router = new Router();
  const guard = createStoreGuard(runtime);
  registerSpCertificateRoutes(router, runtime, guard);
  registerIdpRoutes(router, runtime, guard);
  registerDiscoveryRoutes(router, runtime, guard);

  return {
    service: "huawei",
    newRequestId: () => randomBytes(16).toString("hex"),
    async handle(ctx) {
      // `/{region}/v1/…` is that region's Identity Store endpoint; `/v1/…` serves every region.
      const regional = REGIONAL_PATH.exec(ctx.path);
      const match = router.match(ctx.method, regional ? regional[2]! : ctx.path);
      if (!match)
        return hwError(
          ctx,
          404,
          "APIGW.0101",
          "The API does not exist or has not been published in the environment",
        );
      ctx.params = regional ? { ...match.params, region: regional[1]! } : match.params;
      return match.handler(ctx);
    },
    faultReply(status, ctx, retryAfter) {
      const headers: Record<string, string> = retryAfter ? { "retry-after": String(retryAfter) } : {};
      const reply =
        status === 429
          ? hwError(ctx, 429, "APIGW.0308", "The throttling threshold has been reached")
          : status === 409
            ? hwError(ctx, 409, "IIC.1006", "Concurrency conflicts. Try again later.")
            : status >= 500
              ? hwError(ctx, status, "APIGW.0203", "Backend unavailable")
              : hwError(ctx, status, "IIC.400", "Bad Request: injected fault");
      return { ...reply, headers: { ...reply.headers, ...headers } };
    },
    decorate: (reply, ctx: RequestContext) => ({
      ...reply,
      headers: { ...reply.headers, "x-request-id": ctx.requestId, server: "api-gateway" },
    }),
  };
}

/** `/v1/instances` and `/v1/registered-regions` (Identity Center host), to discover store IDs and regions. */
function registerDiscoveryRoutes(
  router: Router,
  runtime: HuaweiRuntime,
  guard: ReturnType<typeof createStoreGuard>,
): void {
  router.on(
    "GET",
    "/v1/instances",
    guard.authorised("IdentityCenter:instance:list", (_ctx, caller) => {
      const stores = runtime.state.stores.filter((s) => s.domainId === caller.domainId);
      const instances = stores.map((s) => ({
        instance_id: s.instanceId,
        identity_store_id: s.id,
        instance_urn: `IdentityCenter::${caller.domainId}:instance:${s.instanceId}`,
      }));
      return hwJson(200, { instances, page_info: { next_marker: null, current_count: instances.length } });
    }),
  );
  router.on(
    "GET",
    "/v1/registered-regions",
    guard.authorised("IdentityCenter:instance:listRegions", (_ctx, caller) => {
      const regions = [
        ...new Set(runtime.state.stores.filter((s) => s.domainId === caller.domainId).map((s) => s.region)),
      ];
      return hwJson(200, { regions: regions.map((region_id) => ({ region_id })) });
    }),
  );
}
