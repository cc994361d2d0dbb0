// "Refresh all" of 50 connections against the sandbox with 100 ms injected on every vendor
// request, at several per-vendor concurrencies: actual time vs the ideal for that concurrency.
// Figures are printed, never asserted. Run: npx tsx bench/inventory-refresh.ts
//
// The sandbox cannot be seeded with 2,000 sets (its Cloudflare demo accounts hold 30, 8 and 5;
// no API creates sets), so 40 of the 50 connections point at the 30-set Initech account and the
// other 10 are the demo's UiPath, Cloudflare and Huawei connections: about 1,270 sets and
// 2,400 certificates. The ideal is computed from the requests each connection really made:
// per vendor, max(longest connection, total request latency / concurrency).
import { spawnSync } from "node:child_process";

const LATENCY_MS = 100;
const CONNECTIONS = 50;
const CONCURRENCIES = [1, 2, 4, 8];

// lib/ modules start with `import "server-only"`, which only loads under the react-server condition.
if (!process.env.NODE_OPTIONS?.includes("react-server")) {
  const child = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: "inherit",
    env: {
      ...process.env,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --conditions=react-server`.trim(),
    },
  });
  process.exit(child.status ?? 1);
}

async function main() {
  await import("@abraham/reflection");
  const { startSandbox } = await import("@/sandbox/server");
  const { openDatabase } = await import("@/lib/db/client");
  const { createConnection } = await import("@/lib/connections/data");
  const { connectionInputSchema } = await import("@/lib/connections/schemas");
  const { generateKey, parseKey } = await import("@/lib/secrets/crypto");
  const { startRefresh, readRefreshRun } = await import("@/lib/inventory/refresh");
  const { readInventory } = await import("@/lib/inventory/read");

  const sb = await startSandbox({
    ports: { uipath: 0, cloudflare: 0, huawei: 0, issuers: 0 },
    control: true,
  });
  const handle = await openDatabase({ pgliteDir: "memory://" });
  const key = parseKey(generateKey());
  const initech = sb.demo.find((d) => d.vendor === "cloudflare" && d.name.includes("Initech"))!;
  const others = sb.demo.slice(0, CONNECTIONS - 40);
  const inputs = [
    ...others,
    ...Array.from({ length: 40 }, (_, i) => ({ ...initech, name: `Initech #${i + 1}` })),
  ].slice(0, CONNECTIONS);
  const vendorOf = new Map<string, string>();
  for (const input of inputs) {
    const view = await createConnection(handle.db, key, connectionInputSchema.parse(input));
    vendorOf.set(view.id, view.vendor);
  }

  // Warm-up without latency: tokens cached, certificates parsed once (as in a running server).
  await (
    await startRefresh(handle.db, key, { trigger: "manual", actorName: "bench" })
  ).finished;
  const inventory = await readInventory(handle.db);
  const sets = new Set(inventory.certificates.map((c) => `${c.connectionId}/${c.setId}`)).size;
  console.log(
    `${inputs.length} connections, ${sets} sets, ${inventory.certificates.length} certificates; ${LATENCY_MS} ms injected per request`,
  );
  await sb.control.fault({ path: "**", kind: "latency", delayMs: LATENCY_MS });

  for (const concurrency of CONCURRENCIES) {
    await sb.control.clearRequests();
    const start = performance.now();
    const run = await startRefresh(handle.db, key, {
      trigger: "manual",
      actorName: "bench",
      concurrency: { uipath: concurrency, cloudflare: concurrency, huawei: concurrency },
    });
    await run.finished;
    const actual = performance.now() - start;
    const progress = await readRefreshRun(handle.db, run.runId);
    const requests = await sb.control.requests();
    // Requests per vendor; connections of one vendor make the same number (same account shape).
    const perVendor = new Map<string, number>();
    for (const r of requests) perVendor.set(r.service, (perVendor.get(r.service) ?? 0) + 1);
    const connectionsPerVendor = new Map<string, number>();
    for (const v of vendorOf.values()) connectionsPerVendor.set(v, (connectionsPerVendor.get(v) ?? 0) + 1);
    let ideal = 0;
    for (const [vendor, count] of perVendor) {
      const n = connectionsPerVendor.get(vendor) ?? 1;
      const chain = (count / n) * LATENCY_MS; // sequential requests of one connection
      ideal = Math.max(ideal, Math.max(chain, (count * LATENCY_MS) / Math.min(concurrency, n)));
    }
    console.log(
      `concurrency ${String(concurrency).padStart(2)} per vendor: actual ${(actual / 1000).toFixed(2)} s, ideal ${(ideal / 1000).toFixed(2)} s, efficiency ${((ideal / actual) * 100).toFixed(0)}% · ${requests.length} requests (${[...perVendor].map(([v, c]) => `${v} ${c}`).join(", ")}) · failures ${progress?.failures.length ?? "?"}`,
    );
  }
  await sb.control.clearFaults();
  await handle.close();
  await sb.stop();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
