import "server-only";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/**
 * The process's own metrics: what happened in this instance since it started (vendor requests,
 * rate-limit waits, token cache, refreshes). Inventory metrics are read from the database at each
 * scrape instead (lib/metrics/inventory-metrics.ts), so every instance reports the same inventory.
 * One set per process, kept on globalThis so dev-mode reloads do not register twice.
 */
function create() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "trustdeck_" });
  return {
    registry,
    vendorRequests: new Counter({
      name: "trustdeck_vendor_requests_total",
      help: "Vendor API requests sent (each attempt, retries included) by vendor, operation, outcome (ok, or the error kind) and HTTP status (none without an answer).",
      labelNames: ["vendor", "operation", "outcome", "status"] as const,
      registers: [registry],
    }),
    vendorRequestDuration: new Histogram({
      name: "trustdeck_vendor_request_duration_seconds",
      help: "Duration of vendor API requests, retries included.",
      labelNames: ["vendor", "operation"] as const,
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    rateLimitWaits: new Counter({
      name: "trustdeck_vendor_rate_limit_waits_total",
      help: "Times a vendor request waited for the vendor's rate limit (429 Retry-After or the local budget).",
      labelNames: ["vendor", "reason"] as const,
      registers: [registry],
    }),
    rateLimitWaitSeconds: new Counter({
      name: "trustdeck_vendor_rate_limit_wait_seconds_total",
      help: "Seconds spent waiting for vendor rate limits.",
      labelNames: ["vendor", "reason"] as const,
      registers: [registry],
    }),
    tokenCache: new Counter({
      name: "trustdeck_vendor_token_cache_total",
      help: "Access-token lookups by vendor and result (hit: no token request sent, the cached or in-flight one used; miss: a token was requested).",
      labelNames: ["vendor", "result"] as const,
      registers: [registry],
    }),
    refreshDuration: new Gauge({
      name: "trustdeck_inventory_refresh_duration_seconds",
      help: "Duration of the last inventory read of each connection by this instance.",
      labelNames: ["vendor", "connection"] as const,
      registers: [registry],
    }),
    refreshes: new Counter({
      name: "trustdeck_inventory_refreshes_total",
      help: "Inventory reads of each connection by this instance, by result (success, failure).",
      labelNames: ["vendor", "connection", "result"] as const,
      registers: [registry],
    }),
  };
}

export type ProcessMetrics = ReturnType<typeof create>;

const holder = globalThis as typeof globalThis & { __trustdeckMetrics?: ProcessMetrics };

/** This process's metrics (created on first use). */
export function processMetrics(): ProcessMetrics {
  holder.__trustdeckMetrics ??= create();
  return holder.__trustdeckMetrics;
}
