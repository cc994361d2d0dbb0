import { isRecord } from "./reply";

/** Bounds of one seeding request: enough for the benches' largest tenant, not a memory bomb. */
export const MAX_TENANT_CONNECTIONS = 500;
export const MAX_TENANT_SETS = 20_000;
export const MAX_TENANT_FEDERATED_CREDENTIALS = 20_000;

/** POST /__sandbox/tenants: large tenants for benches (N connections of N sets each). */
export interface TenantSeedRequest {
  /** The vendor to seed (a vendor whose spec has `tenants`). */
  vendor: string;
  /** Names the accounts (`<name> 1`, `<name> 2`, …) and derives their IDs and credentials. */
  name: string;
  connections: number;
  /** Certificate sets per connection, as the vendor's API lists them. */
  setsPerConnection: number;
  /** Federated credentials per connection, spread over applications (vendors that have them). */
  federatedCredentialsPerConnection?: number;
  /** Injects this latency on every request to the vendor (a `latency` fault), if given. */
  latencyMs?: number;
}

/** What a vendor's tenants can hold: declared by each vendor beside its `addTenants`. */
export interface TenantShape {
  /** Certificate sets one connection can have (a UiPath organization has exactly one). */
  maxSetsPerConnection: number;
  /** Whether connections hold federated credentials. */
  federatedCredentials: boolean;
}

const isCount = (value: unknown, min: number, max: number): value is number =>
  typeof value === "number" && Number.isInteger(value) && value >= min && value <= max;

/** Validates a tenant request from JSON; returns an error message or the request. */
export function parseTenantSeedRequest(input: unknown): TenantSeedRequest | string {
  if (!isRecord(input)) return "body must be a JSON object";
  const { vendor, name = "Tenant", connections, setsPerConnection, latencyMs } = input;
  const { federatedCredentialsPerConnection: federated } = input;
  if (typeof vendor !== "string" || vendor === "") return "vendor is required";
  if (typeof name !== "string" || !/^[A-Za-z][A-Za-z0-9 -]{0,39}$/.test(name))
    return "name must be 1–40 letters, digits, spaces or dashes, starting with a letter";
  if (!isCount(connections, 1, MAX_TENANT_CONNECTIONS))
    return `connections must be an integer from 1 to ${MAX_TENANT_CONNECTIONS}`;
  if (!isCount(setsPerConnection, 1, MAX_TENANT_SETS))
    return `setsPerConnection must be an integer from 1 to ${MAX_TENANT_SETS}`;
  if (connections * setsPerConnection > MAX_TENANT_SETS)
    return `at most ${MAX_TENANT_SETS} sets in all per request`;
  if (federated !== undefined) {
    if (!isCount(federated, 0, MAX_TENANT_FEDERATED_CREDENTIALS))
      return `federatedCredentialsPerConnection must be an integer from 0 to ${MAX_TENANT_FEDERATED_CREDENTIALS}`;
    if (connections * federated > MAX_TENANT_FEDERATED_CREDENTIALS)
      return `at most ${MAX_TENANT_FEDERATED_CREDENTIALS} federated credentials in all per request`;
  }
  if (latencyMs !== undefined && !(typeof latencyMs === "number" && latencyMs >= 0 && latencyMs <= 60_000))
    return "latencyMs must be a number from 0 to 60000";
  return {
    vendor,
    name,
    connections,
    setsPerConnection,
    ...(federated !== undefined && { federatedCredentialsPerConnection: federated }),
    ...(latencyMs !== undefined && { latencyMs }),
  };
}

/** Checks a request against what the vendor's tenants can hold; an error message or undefined. */
export function checkTenantShape(request: TenantSeedRequest, shape: TenantShape): string | undefined {
  if (request.setsPerConnection > shape.maxSetsPerConnection)
    return shape.maxSetsPerConnection === 1
      ? `a ${request.vendor} connection has exactly one certificate set: setsPerConnection must be 1`
      : `setsPerConnection must be at most ${shape.maxSetsPerConnection} at ${request.vendor}`;
  if (!shape.federatedCredentials && (request.federatedCredentialsPerConnection ?? 0) > 0)
    return `${request.vendor} has no federated credentials: leave federatedCredentialsPerConnection out`;
  return undefined;
}

/** One tenant account of a request: its number, display name and the label its IDs derive from. */
export interface TenantSlot {
  n: number;
  /** `<name> <n>`. */
  displayName: string;
  /** `<name>-<n>` in lower case, for host-like or path-like names. */
  slug: string;
  /** `<vendor>/tenant/<name>/<n>`: every ID and credential of the account is an HMAC of it. */
  label: string;
}

/** The accounts a request names, in order. */
export function tenantSlots(request: TenantSeedRequest): TenantSlot[] {
  const slug = request.name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  return Array.from({ length: request.connections }, (_, i) => ({
    n: i + 1,
    displayName: `${request.name} ${i + 1}`,
    slug: `${slug}-${i + 1}`,
    label: `${request.vendor}/tenant/${request.name}/${i + 1}`,
  }));
}

/** How one vendor finds, checks, builds and adds a tenant account (`seedTenants`). */
export interface TenantSeeder<Account, Connection> {
  /** The account already in the state for this slot, if any. */
  find(slot: TenantSlot): Account | undefined;
  /** Why an existing account does not match the request (another shape), or undefined. */
  mismatch(account: Account, request: TenantSeedRequest): string | undefined;
  /** Builds a new account (not yet in the state). */
  build(slot: TenantSlot): Promise<Account>;
  /** Puts built accounts (and their credentials) into the state. */
  add(built: Array<{ account: Account; slot: TenantSlot }>): void;
  /** The account's connection settings (deterministic: the same for a re-seed). */
  connection(account: Account, slot: TenantSlot): Connection;
}

/**
 * Seeds the accounts a request names, additively and idempotently by name: an account already
 * there with the same shape is kept and answered again, a missing one is built, one of another
 * shape refuses the whole request. Nothing is added unless every account could be built.
 */
export async function seedTenants<Account, Connection>(
  request: TenantSeedRequest,
  seeder: TenantSeeder<Account, Connection>,
): Promise<Connection[]> {
  const slots = tenantSlots(request);
  const existing = slots.map((slot) => seeder.find(slot));
  for (const [i, account] of existing.entries()) {
    const problem = account && seeder.mismatch(account, request);
    if (problem) throw new Error(`tenant ${slots[i]!.displayName} is already seeded ${problem}`);
  }
  const built = new Map<number, Account>();
  for (const [i, slot] of slots.entries()) if (!existing[i]) built.set(i, await seeder.build(slot));
  seeder.add([...built].map(([i, account]) => ({ account, slot: slots[i]! })));
  return slots.map((slot, i) => seeder.connection(existing[i] ?? built.get(i)!, slot));
}

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * The time tenant certificates are dated from: the clock on the hour, so that a re-seed within the
 * hour (after a reset) finds every stamped certificate in the cache and signs nothing.
 */
export function tenantEpoch(now: Date): Date {
  return new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS);
}

/** `epoch` plus whole days. */
export function tenantDay(epoch: Date, days: number): Date {
  return new Date(epoch.getTime() + days * DAY_MS);
}

/**
 * Days to expiry spread over `span` days from `first` for the i-th item: deterministic, varied,
 * so a large tenant's certificates fall across the timeline instead of on one day.
 */
export function spreadDays(i: number, first: number, span: number, step = 37): number {
  return first + ((i * step) % span);
}
