import type { SandboxClock } from "./clock";
import { parseFaultSpec, type FaultRegistry } from "./faults";
import type { RequestContext, Reply, ServiceName } from "./http-types";
import { isRecord, json, parseJsonBody } from "./reply";
import type { RequestLog } from "./request-log";
import { Router } from "./router";
import type { ControlHandler } from "./service-app";
import { applySettings, type AnySettingSpecs } from "./settings";
import { parseTenantSeedRequest, type TenantSeedRequest } from "./tenants";

/** The seeds a reset can load. */
export type SeedName = "demo" | "empty";

/** What the control plane acts on. */
export interface ControlDeps {
  clock: SandboxClock;
  faults: FaultRegistry;
  log: RequestLog;
  /** The services that exist (every vendor and the issuers). */
  services: readonly ServiceName[];
  /** Every switch's spec (core and vendors'), and the one settings object they describe. */
  settingSpecs: AnySettingSpecs;
  settings: Record<string, unknown>;
  /** Re-seeds state (and resets clock, faults, log and rate counters). */
  reset(seed?: SeedName): Promise<void>;
  /** Adds large tenants at a vendor; a message when the vendor cannot, else their connections. */
  addTenants(request: TenantSeedRequest): Promise<unknown[] | string>;
}

/** `/__sandbox/*`: test-only routes no vendor has, mounted only when control is enabled. */
export function createControlHandler(deps: ControlDeps): ControlHandler {
  const router = new Router();
  router.on("POST", "/__sandbox/reset", async (ctx) => {
    const body = parseJsonBody(ctx.body);
    const seed = isRecord(body) ? body.seed : undefined;
    if (seed !== undefined && seed !== "demo" && seed !== "empty") return bad("seed must be demo or empty");
    await deps.reset(seed);
    return json(200, { ok: true, now: deps.clock.now().toISOString() });
  });
  router.on("GET", "/__sandbox/clock", () => json(200, { now: deps.clock.now().toISOString() }));
  router.on("POST", "/__sandbox/clock", (ctx) => {
    const body = parseJsonBody(ctx.body);
    if (isRecord(body) && typeof body.now === "string" && !Number.isNaN(Date.parse(body.now)))
      deps.clock.set(new Date(body.now));
    else if (isRecord(body) && typeof body.advanceMs === "number" && Number.isFinite(body.advanceMs))
      deps.clock.advance(body.advanceMs);
    else return bad("send { now: ISO date } or { advanceMs: number }");
    return json(200, { now: deps.clock.now().toISOString() });
  });
  router.on("GET", "/__sandbox/faults", () => json(200, { faults: deps.faults.list() }));
  router.on("POST", "/__sandbox/faults", (ctx) => {
    const spec = parseFaultSpec(parseJsonBody(ctx.body), deps.services);
    return typeof spec === "string" ? bad(spec) : json(201, { fault: deps.faults.add(spec) });
  });
  router.on("DELETE", "/__sandbox/faults", () => {
    deps.faults.clear();
    return json(200, { ok: true });
  });
  router.on("GET", "/__sandbox/requests", (ctx) => {
    const service = ctx.query.get("service") ?? undefined;
    if (service && !deps.services.includes(service)) return bad("unknown service");
    return json(200, { requests: deps.log.list(service) });
  });
  router.on("DELETE", "/__sandbox/requests", () => {
    deps.log.clear();
    return json(200, { ok: true });
  });
  router.on("POST", "/__sandbox/tenants", async (ctx) => {
    const request = parseTenantSeedRequest(parseJsonBody(ctx.body));
    if (typeof request === "string") return bad(request);
    if (!deps.services.includes(request.vendor) || request.vendor === "issuers") return bad("unknown vendor");
    const connections = await deps.addTenants(request);
    if (typeof connections === "string") return bad(connections);
    const fault =
      request.latencyMs === undefined
        ? undefined
        : deps.faults.add({
            service: request.vendor,
            path: "**",
            kind: "latency",
            delayMs: request.latencyMs,
          });
    return json(201, { connections, ...(fault && { fault }) });
  });
  router.on("GET", "/__sandbox/settings", () => json(200, { settings: deps.settings }));
  router.on("POST", "/__sandbox/settings", (ctx) => {
    const error = applySettings(deps.settingSpecs, deps.settings, parseJsonBody(ctx.body));
    return error ? bad(error) : json(200, { settings: deps.settings });
  });
  router.on("GET", "/__sandbox/stats", () => {
    // The bench reads memory here; with --expose-gc a collection runs first.
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    return json(200, {
      memory: process.memoryUsage(),
      gc: Boolean(gc),
      uptimeSeconds: process.uptime(),
      // The sandbox's own CPU, so a bench can tell the simulated vendor's work from Trustdeck's.
      cpu: process.cpuUsage(),
    });
  });

  return async (ctx: RequestContext): Promise<Reply> => {
    const match = router.match(ctx.method, ctx.path);
    if (!match) return json(404, { error: `no control route ${ctx.method} ${ctx.path}` });
    ctx.params = match.params;
    return match.handler(ctx);
  };
}

function bad(error: string): Reply {
  return json(400, { error });
}
