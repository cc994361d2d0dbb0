// "Refresh all" of 50 Cloudflare connections holding 2,000 SAML certificate sets (40 each, 4,000
// certificates), seeded through the control plane (POST /__sandbox/tenants) of a sandbox in its
// own process, with 100 ms of latency on every vendor request. Prints, per database engine and
// per-vendor concurrency, the time measured against the ideal for that concurrency:
//   ideal = ceil(connections / concurrency) × one connection's network time
// (its sequential requests × the latency), and their ratio. The first refresh writes every row;
// the ones measured after it find nothing changed (the usual refresh), and one more follows a
// rotation of one set per connection made outside Trustdeck (drift). Figures are printed, never
// asserted; the CPU printed is this process's (the sandbox's is not Trustdeck's). Run:
// npx tsx bench/inventory-refresh.ts [--postgres]   (--postgres adds an embedded PostgreSQL run
// on BENCH_PG_PORT, default 54339)
import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { cpus, loadavg } from "node:os";

const LATENCY_MS = 100;
const CONNECTIONS = 50;
const SETS_PER_CONNECTION = 40;
const CONCURRENCIES = [1, 2, 4, 8];
const MEASURED = 4;

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

type Opened = Awaited<ReturnType<typeof import("@/lib/db/client").openDatabase>>;

async function openEngines(): Promise<
  { name: string; open: () => Promise<Opened>; stop?: () => Promise<void> }[]
> {
  const { openDatabase } = await import("@/lib/db/client");
  const engines: { name: string; open: () => Promise<Opened>; stop?: () => Promise<void> }[] = [
    { name: "PGlite", open: () => openDatabase({ pgliteDir: "memory://" }) },
  ];
  if (process.argv.includes("--postgres")) {
    const { startEmbeddedPostgres } = await import("../scripts/lib/embedded-postgres.mjs");
    const pg = await startEmbeddedPostgres({ port: Number(process.env.BENCH_PG_PORT ?? 54339) });
    await pg.createDatabase("trustdeck_bench");
    engines.push({
      name: "PostgreSQL (embedded)",
      open: () => openDatabase({ databaseUrl: pg.url("trustdeck_bench"), pgliteDir: "unused" }),
      stop: () => pg.stop(),
    });
  }
  return engines;
}

/**
 * The sandbox in a process of its own (bench/sandbox-load-server.ts), as a vendor is: its CPU is
 * not Trustdeck's. Driven through its control plane.
 */
async function startSandboxProcess() {
  const { createControlClient } = await import("@/sandbox/core/control-client");
  const child = spawn(process.execPath, ["--import", "tsx", join(__dirname, "sandbox-load-server.ts")], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  for await (const line of createInterface({ input: child.stdout })) {
    if (!line.startsWith("{")) continue;
    const ready = JSON.parse(line) as { urls: { cloudflare: string } };
    return {
      host: new URL(ready.urls.cloudflare).host,
      control: createControlClient<object>(new URL(ready.urls.cloudflare).origin, true),
      stop: () => void child.kill("SIGTERM"),
    };
  }
  throw new Error("the sandbox process exited before it was ready");
}

async function main() {
  const sb = await startSandboxProcess();
  try {
    await measure(sb);
  } finally {
    sb.stop();
  }
}

async function measure(sb: Awaited<ReturnType<typeof startSandboxProcess>>) {
  // Connections to the sandbox's plain-HTTP host are refused unless the server names it.
  process.env.TRUSTDECK_CUSTOM_VENDOR_HOSTS = sb.host;
  await import("@abraham/reflection");
  const { createConnection } = await import("@/lib/connections/data");
  const { connectionInputSchema } = await import("@/lib/connections/schemas");
  const { generateKey, parseKey } = await import("@/lib/secrets/crypto");
  const { startRefresh, readRefreshRun } = await import("@/lib/inventory/refresh");
  const { readInventory } = await import("@/lib/inventory/read");

  const seedStart = performance.now();
  const { connections: tenants } = await sb.control.addTenants({
    vendor: "cloudflare",
    name: "Bench",
    connections: CONNECTIONS,
    setsPerConnection: SETS_PER_CONNECTION,
    latencyMs: LATENCY_MS,
  });
  console.log(
    `seeded ${CONNECTIONS} connections × ${SETS_PER_CONNECTION} sets through the control plane in ${((performance.now() - seedStart) / 1000).toFixed(2)} s; ${LATENCY_MS} ms on every vendor request`,
  );
  const key = parseKey(generateKey());

  for (const engine of await openEngines()) {
    const handle = await engine.open();
    for (const tenant of tenants) await createConnection(handle.db, key, connectionInputSchema.parse(tenant));
    const refresh = async (concurrency: number) => {
      await sb.control.clearRequests();
      const cpuBefore = process.cpuUsage();
      const start = performance.now();
      const run = await startRefresh(handle.db, key, {
        trigger: "manual",
        actorName: "bench",
        concurrency: { uipath: concurrency, cloudflare: concurrency, huawei: concurrency },
      });
      await run.finished;
      const measured = performance.now() - start;
      const cpu = process.cpuUsage(cpuBefore);
      // This process's CPU (the sandbox runs in its own): on a shared machine, the figure load does not inflate.
      const cpuMs = (cpu.user + cpu.system) / 1000;
      const failures = (await readRefreshRun(handle.db, run.runId))?.failures.length ?? -1;
      const requests = (await sb.control.requests("cloudflare")).length;
      const perConnectionMs = (requests / CONNECTIONS) * LATENCY_MS;
      const ideal = Math.ceil(CONNECTIONS / concurrency) * perConnectionMs;
      return { measured, ideal, failures, requests, cpuMs };
    };
    const line = (label: string, r: Awaited<ReturnType<typeof refresh>>) =>
      console.log(
        `  ${label.padEnd(44)} measured ${(r.measured / 1000).toFixed(2)} s, ideal ${(r.ideal / 1000).toFixed(2)} s, ratio ${(r.measured / r.ideal).toFixed(2)} · CPU ${(r.cpuMs / 1000).toFixed(2)} s · ${r.requests} requests · failures ${r.failures}`,
      );

    console.log(
      `\n${engine.name} (load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")} on ${cpus().length} CPUs)`,
    );
    line("first refresh (every row new), concurrency 4", await refresh(4));
    const inventory = await readInventory(handle.db);
    const sets = new Set(inventory.certificates.map((c) => `${c.connectionId}/${c.setId}`)).size;
    console.log(`  inventory: ${sets} sets, ${inventory.certificates.length} certificates`);
    for (const concurrency of CONCURRENCIES) {
      const runs = [];
      for (let i = 0; i < MEASURED; i++) runs.push(await refresh(concurrency));
      runs.sort((a, b) => a.measured - b.measured);
      const median = runs[Math.floor(runs.length / 2)]!;
      line(`nothing changed, concurrency ${concurrency} (median of ${MEASURED})`, median);
    }
    // One set per connection rotated at the vendor, outside Trustdeck: rows, history and drift to write.
    for (const tenant of tenants) {
      const parsed = connectionInputSchema.parse(tenant);
      if (parsed.vendor !== "cloudflare") continue;
      const listing = await fetch(
        `${parsed.baseUrl}/accounts/${parsed.accountId}/access/saml_certificates?per_page=1`,
        {
          headers: { authorization: `Bearer ${parsed.apiToken}` },
        },
      );
      const [set] = ((await listing.json()) as { result: { uid: string }[] }).result;
      await fetch(
        `${parsed.baseUrl}/accounts/${parsed.accountId}/access/saml_certificates/${set!.uid}/rotate`,
        {
          method: "POST",
          headers: { authorization: `Bearer ${parsed.apiToken}` },
        },
      );
    }
    line("one set per connection rotated, concurrency 4", await refresh(4));
    const drift = (await readInventory(handle.db, { driftLimit: 1_000 })).drift.length;
    console.log(`  drift recorded: ${drift}`);
    await handle.close();
    // Let the pool's sockets close before the server goes, or the pool reports its shutdown.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await engine.stop?.();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
