import "server-only";
import { timingSafeEqual } from "node:crypto";
import { Registry } from "prom-client";
import type { Database } from "@/lib/db/client";
import { inventoryRegistry } from "./inventory-metrics";
import { processMetrics } from "./registry";

/** The Prometheus text exposition: this process's metrics and the inventory's. */
export async function renderMetrics(db: Database, now: Date): Promise<{ body: string; contentType: string }> {
  const merged = Registry.merge([processMetrics().registry, await inventoryRegistry(db, now)]);
  return { body: await merged.metrics(), contentType: merged.contentType };
}

/**
 * Whether an Authorization header carries the configured metrics token, compared in constant
 * time. With no token configured the endpoint is off: nothing is authorised.
 */
export function metricsAuthorised(header: string | null, token: string | undefined): boolean {
  if (!token || !header?.startsWith("Bearer ")) return false;
  const given = Buffer.from(header.slice("Bearer ".length).trim());
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
