import { isRecord } from "./reply";

/** Bounds of one seeding request: enough for the benches' largest tenant, not a memory bomb. */
export const MAX_TENANT_CONNECTIONS = 500;
export const MAX_TENANT_SETS = 20_000;

/** POST /__sandbox/tenants: large tenants for benches (N connections of N sets each). */
export interface TenantSeedRequest {
  /** The vendor to seed (a vendor whose spec has `addTenants`). */
  vendor: string;
  /** Names the accounts (`<name> 1`, `<name> 2`, …) and derives their IDs; unique per sandbox state. */
  name: string;
  connections: number;
  setsPerConnection: number;
  /** Injects this latency on every request to the vendor (a `latency` fault), if given. */
  latencyMs?: number;
}

/** Validates a tenant request from JSON; returns an error message or the request. */
export function parseTenantSeedRequest(input: unknown): TenantSeedRequest | string {
  if (!isRecord(input)) return "body must be a JSON object";
  const { vendor, name = "Tenant", connections, setsPerConnection, latencyMs } = input;
  if (typeof vendor !== "string" || vendor === "") return "vendor is required";
  if (typeof name !== "string" || !/^[A-Za-z][A-Za-z0-9 -]{0,39}$/.test(name))
    return "name must be 1–40 letters, digits, spaces or dashes, starting with a letter";
  const count = (value: unknown, max: number) =>
    typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= max;
  if (!count(connections, MAX_TENANT_CONNECTIONS))
    return `connections must be an integer from 1 to ${MAX_TENANT_CONNECTIONS}`;
  if (!count(setsPerConnection, MAX_TENANT_SETS))
    return `setsPerConnection must be an integer from 1 to ${MAX_TENANT_SETS}`;
  if ((connections as number) * (setsPerConnection as number) > MAX_TENANT_SETS)
    return `at most ${MAX_TENANT_SETS} sets in all per request`;
  if (latencyMs !== undefined && !(typeof latencyMs === "number" && latencyMs >= 0 && latencyMs <= 60_000))
    return "latencyMs must be a number from 0 to 60000";
  return {
    vendor,
    name,
    connections: connections as number,
    setsPerConnection: setsPerConnection as number,
    ...(latencyMs !== undefined && { latencyMs }),
  };
}
