// The vendor mix of bench/inventory-refresh.ts: how 50 connections and 2,000 sets are shared
// among the vendors asked for, and the time each vendor's rate budget alone needs for a refresh
// (a floor under its ideal: a refresh never goes faster than its budget lets it).
import type { ConnectionInput } from "@/lib/connections/schemas";
import type { Vendor } from "@/lib/vendors/descriptors";
import { cloudflareRateBudget } from "@/lib/vendors/cloudflare/rate-budget";
import { huaweiRateBudget } from "@/lib/vendors/huawei/rate-budget";
import { uipathRateBudget } from "@/lib/vendors/uipath/rate-budget";
import { rateBucketsFor, type VendorRateBudget } from "@/lib/vendors/rate-budget";
import type { ConnectionFor } from "@/lib/vendors/model";

/** What one vendor's share of the bench seeds (POST /__sandbox/tenants). */
export interface VendorShare {
  vendor: Vendor;
  connections: number;
  setsPerConnection: number;
  federatedCredentialsPerConnection?: number;
}

/**
 * A UiPath organization has one set (and here 30 federated credentials over two apps); a Huawei
 * identity store its SP set and three external IdPs, as a real one might; Cloudflare accounts
 * carry the rest of the sets. Without Cloudflare, Huawei stores carry them.
 */
const FIXED_SETS: Partial<Record<Vendor, number>> = { uipath: 1, huawei: 4 };
const FEDERATED: Partial<Record<Vendor, number>> = { uipath: 30 };

/** Shares `connections` evenly (the first vendors take the remainder) and `totalSets` by the rules above. */
export function planMix(vendors: readonly Vendor[], connections: number, totalSets: number): VendorShare[] {
  const shares = vendors.map((vendor, i) => ({
    vendor,
    connections: Math.floor(connections / vendors.length) + (i < connections % vendors.length ? 1 : 0),
  }));
  const carriers = vendors.includes("cloudflare")
    ? ["cloudflare"]
    : vendors.filter((v) => v !== "uipath" || vendors.length === 1);
  const fixed = shares
    .filter((s) => !carriers.includes(s.vendor))
    .reduce((sum, s) => sum + s.connections * (FIXED_SETS[s.vendor] ?? 1), 0);
  const carrierConnections = shares
    .filter((s) => carriers.includes(s.vendor))
    .reduce((sum, s) => sum + s.connections, 0);
  return shares.map((s) => ({
    ...s,
    setsPerConnection: carriers.includes(s.vendor)
      ? s.vendor === "uipath"
        ? 1
        : Math.max(1, Math.round((totalSets - fixed) / carrierConnections))
      : (FIXED_SETS[s.vendor] ?? 1),
    ...(FEDERATED[s.vendor] !== undefined && { federatedCredentialsPerConnection: FEDERATED[s.vendor] }),
  }));
}

const BUDGETS: { [V in Vendor]: VendorRateBudget<ConnectionFor<V>> } = {
  uipath: uipathRateBudget,
  cloudflare: cloudflareRateBudget,
  huawei: huaweiRateBudget,
};

/**
 * The least time a vendor's rate budget lets a refresh's `requests` (by method, spread evenly over
 * its connections) take, before the last ones' round trip: for each rule, the connections it
 * counts together (its scope; operations are not told apart, so per-API rules count a
 * connection's APIs as one, an upper bound), and for each such group `(ceil(requests / cap) − 1)`
 * full windows, where the cap is what the limiter lets reads use (the limit at the headroom,
 * less the slots it keeps for writes).
 */
export function budgetFloorMs(
  vendor: Vendor,
  conns: ConnectionInput[],
  requestsByMethod: Record<string, number>,
  headroomPercent: number,
): number {
  const budget = BUDGETS[vendor] as VendorRateBudget<ConnectionInput>;
  let floor = 0;
  for (const rule of budget.rules) {
    const counted = Object.entries(requestsByMethod)
      .filter(([method]) => !rule.methods || rule.methods.includes(method as never))
      .reduce((sum, [, n]) => sum + n, 0);
    if (counted === 0 || conns.length === 0) continue;
    const perConnection = counted / conns.length;
    const groups = new Map<string, { requests: number; cap: number }>();
    for (const conn of conns) {
      const method = rule.methods?.[0] ?? "GET";
      const [bucket] = rateBucketsFor(
        vendor,
        { source: budget.source, rules: [rule] },
        conn,
        { method, operation: "bench" },
        headroomPercent,
      );
      const cap = Math.max(1, bucket!.limit - bucket!.reservedForWrites);
      const group = groups.get(bucket!.key) ?? { requests: 0, cap };
      group.requests += perConnection;
      groups.set(bucket!.key, group);
    }
    for (const { requests, cap } of groups.values())
      floor = Math.max(floor, Math.max(0, Math.ceil(requests / cap) - 1) * rule.windowMs);
  }
  return floor;
}
