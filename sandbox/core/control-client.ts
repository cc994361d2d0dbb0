import type { Fault, FaultSpec } from "./faults";
import type { SeedName } from "./control-routes";
import type { ServiceName } from "./http-types";
import type { RequestLogEntry } from "./request-log";
import type { CoreSettings } from "./settings";
import type { TenantSeedRequest } from "./tenants";

/** A typed wrapper of the `/__sandbox/*` routes, for tests and the bench. */
export interface ControlClient<Settings extends object = CoreSettings> {
  /** Re-seeds state and resets clock, faults, request log and rate counters. */
  reset(seed?: SeedName): Promise<void>;
  /** Sets the sandbox clock; returns the new time. */
  setClock(now: Date | string): Promise<Date>;
  /** Moves the sandbox clock by `ms`; returns the new time. */
  advance(ms: number): Promise<Date>;
  /** Reads the sandbox clock. */
  now(): Promise<Date>;
  /** Injects a fault; returns it with its id. */
  fault(spec: FaultSpec): Promise<Fault>;
  /** Removes every fault. */
  clearFaults(): Promise<void>;
  /** The request log, optionally of one service. */
  requests(service?: ServiceName): Promise<RequestLogEntry[]>;
  /** Empties the request log. */
  clearRequests(): Promise<void>;
  /** The sandbox process's memory and CPU time so far (a GC first when run with --expose-gc). */
  stats(): Promise<SandboxStats>;
  /** Changes run-time switches; returns the full settings. */
  settings(patch?: Partial<Settings>): Promise<Settings>;
  /**
   * Adds large tenants at a vendor (N connections of N sets each, optionally with a latency fault
   * on every request to it); returns their connections in the dashboard's input shape.
   */
  addTenants<Connection = unknown>(
    request: TenantSeedRequest,
  ): Promise<{ connections: Connection[]; fault?: Fault }>;
}

/** What `GET /__sandbox/stats` answers. */
export interface SandboxStats {
  memory: NodeJS.MemoryUsage;
  gc: boolean;
  uptimeSeconds: number;
  cpu: NodeJS.CpuUsage;
}

/** Builds a ControlClient for a sandbox origin (any vendor port), or one that refuses when control is off. */
export function createControlClient<Settings extends object>(
  origin: string,
  enabled: boolean,
): ControlClient<Settings> {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    if (!enabled)
      throw new Error("The sandbox control plane is disabled: start it with control: true (or --control).");
    const res = await fetch(`${origin}/__sandbox/${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const data = (await res.json()) as T & { error?: string };
    if (!res.ok) throw new Error(`sandbox control ${method} ${path}: ${res.status} ${data.error ?? ""}`);
    return data;
  };
  const time = async (p: Promise<{ now: string }>) => new Date((await p).now);
  return {
    reset: async (seed) => void (await call("POST", "reset", seed ? { seed } : {})),
    setClock: (now) => time(call("POST", "clock", { now: now instanceof Date ? now.toISOString() : now })),
    advance: (ms) => time(call("POST", "clock", { advanceMs: ms })),
    now: () => time(call("GET", "clock")),
    fault: async (spec) => (await call<{ fault: Fault }>("POST", "faults", spec)).fault,
    clearFaults: async () => void (await call("DELETE", "faults")),
    requests: async (service) =>
      (
        await call<{ requests: RequestLogEntry[] }>(
          "GET",
          service ? `requests?service=${service}` : "requests",
        )
      ).requests,
    clearRequests: async () => void (await call("DELETE", "requests")),
    addTenants: (request) => call("POST", "tenants", request),
    stats: () => call<SandboxStats>("GET", "stats"),
    settings: async (patch) =>
      (await call<{ settings: Settings }>(patch ? "POST" : "GET", "settings", patch)).settings,
  };
}
