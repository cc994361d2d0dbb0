// "Refresh all" of 50 connections holding 2,000 certificate sets, seeded through the control plane
// (POST /__sandbox/tenants) of a sandbox in its own process, with 100 ms of latency on every vendor
// request. `--vendors=cloudflare,uipath,huawei` mixes vendors (default: Cloudflare alone, 40 sets
// per account); bench/support/refresh-mix.ts says how connections and sets are shared.
// `--concurrency=4,8` measures only those per-vendor concurrencies (default 1,2,4,8). Prints, per
// database engine and per-vendor concurrency, the time measured against the ideal for that
// concurrency: vendors run side by side, so
//   ideal = max over vendors of max(ceil(its connections / concurrency) × one connection's network
//           time, the least time its rate budget allows for the requests made)
// where one connection's network time is measured alone through the adapter (live reads, no
// database), and the ratio. The probe makes the same requests as the refresh: for UiPath, with the
// access token cached (it lives an hour and is cached per connection, so only the first refresh
// and the first probe exchange it), two round trips one after the other: the SAML certificates
// and the external applications at once, then every application's federated credentials at once
// (their client ids come from the applications). The first refresh writes every row; the ones
// measured after it find nothing changed (the usual refresh), and one more follows a rotation of
// one set per Cloudflare connection made outside Trustdeck (drift). Figures are printed, never
// asserted; "CPU" is this process's and "sandbox" the sandbox process's (the simulated vendors'
// work, not Trustdeck's), both per refresh; "loop delay p99" is how late this process's event loop
// ran (PGlite's statements and our own work block it; so does a machine busy with other work);
// "statements" are those the refresh sent to the database engine. Run:
// npx tsx bench/inventory-refresh.ts [--vendors=cloudflare,uipath,huawei] [--concurrency=4,8] [--postgres]
// (--postgres adds an embedded PostgreSQL run on BENCH_PG_PORT, default 54339)
import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { cpus, loadavg } from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { ConnectionInput } from "@/lib/connections/schemas";

const LATENCY_MS = 100;
const CONNECTIONS = 50;
const TOTAL_SETS = 2_000;
const MEASURED = 4;
const PROBES = 3;

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
    const ready = JSON.parse(line) as { urls: Record<string, unknown> & { cloudflare: string } };
    const vendorUrls = Object.values(ready.urls).filter((url): url is string => typeof url === "string");
    return {
      hosts: vendorUrls.map((url) => new URL(url).host),
      control: createControlClient<object>(new URL(ready.urls.cloudflare).origin, true),
      stop: () => void child.kill("SIGTERM"),
    };
  }
  throw new Error("the sandbox process exited before it was ready");
}

/** `--concurrency=4,8`: the per-vendor concurrencies to measure (1, 2, 4 and 8 by default). */
function concurrenciesFromArgs(): number[] {
  const arg = process.argv.find((a) => a.startsWith("--concurrency="));
  if (!arg) return [1, 2, 4, 8];
  const values = arg.slice("--concurrency=".length).split(",").map(Number);
  if (values.length === 0 || values.some((v) => !Number.isInteger(v) || v < 1))
    throw new Error(`--concurrency takes positive whole numbers, e.g. 4,8; got ${arg}`);
  return values;
}

/** `--vendors=a,b`: the vendors to mix (Cloudflare alone by default). */
function vendorsFromArgs(known: readonly string[]): string[] {
  const arg = process.argv.find((a) => a.startsWith("--vendors="));
  const vendors = arg ? arg.slice("--vendors=".length).split(",").filter(Boolean) : ["cloudflare"];
  const unknown = vendors.filter((v) => !known.includes(v));
  if (unknown.length > 0 || vendors.length === 0 || new Set(vendors).size !== vendors.length)
    throw new Error(`--vendors takes distinct names among ${known.join(", ")}; got ${vendors.join(",")}`);
  return vendors;
}

async function main() {
  const sb = await startSandboxProcess();
  try {
    await measure(sb);
  } finally {
    sb.stop();
  }
}

const median = <T>(runs: T[], by: (run: T) => number): T =>
  [...runs].sort((a, b) => by(a) - by(b))[Math.floor(runs.length / 2)]!;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function measure(sb: Awaited<ReturnType<typeof startSandboxProcess>>) {
  // Connections to the sandbox's plain-HTTP hosts are refused unless the server names them.
  process.env.TRUSTDECK_CUSTOM_VENDOR_HOSTS = sb.hosts.join(",");
  await import("@abraham/reflection");
  const { createConnection, loadVendorConnection } = await import("@/lib/connections/data");
  const { connectionInputSchema } = await import("@/lib/connections/schemas");
  const { generateKey, parseKey } = await import("@/lib/secrets/crypto");
  const { startRefresh, readRefreshRun } = await import("@/lib/inventory/refresh");
  const { readInventory } = await import("@/lib/inventory/read");
  const { readFederatedCredentials } = await import("@/lib/inventory/federated-snapshot");
  const { operationsFor } = await import("@/lib/vendors/registry");
  const { VENDOR_DESCRIPTORS } = await import("@/lib/vendors/descriptors");
  const { instanceShareOfBudget } = await import("@/lib/vendors/rate-budget");
  const { budgetFloorMs, planMix } = await import("./support/refresh-mix");
  const { recordStatements } = await import("@/lib/testing/statements");
  type Vendor = keyof typeof VENDOR_DESCRIPTORS;

  const vendors = vendorsFromArgs(Object.keys(VENDOR_DESCRIPTORS)) as Vendor[];
  const concurrencies = concurrenciesFromArgs();
  const headroom = instanceShareOfBudget(
    Number(process.env.VENDOR_RATE_BUDGET_PERCENT ?? 80),
    Number(process.env.VENDOR_RATE_BUDGET_INSTANCES ?? 1),
  );
  const plan = planMix(vendors, CONNECTIONS, TOTAL_SETS);
  const seedStart = performance.now();
  const tenants: ConnectionInput[] = [];
  for (const share of plan) {
    const { connections } = await sb.control.addTenants({
      ...share,
      name: `Bench ${share.vendor}`,
      latencyMs: LATENCY_MS,
    });
    tenants.push(...connections.map((c) => connectionInputSchema.parse(c)));
  }
  const byVendor = (vendor: Vendor) => tenants.filter((t) => t.vendor === vendor);
  console.log(
    `seeded ${tenants.length} connections (${plan
      .map(
        (s) =>
          `${s.vendor} ${s.connections} × ${s.setsPerConnection} sets${s.federatedCredentialsPerConnection ? ` + ${s.federatedCredentialsPerConnection} federated credentials` : ""}`,
      )
      .join(
        ", ",
      )}; ${plan.reduce((n, s) => n + s.connections * s.setsPerConnection, 0)} sets) through the control plane in ${seconds(performance.now() - seedStart)}; ${LATENCY_MS} ms on every vendor request; rate budget ${headroom} %`,
  );
  const key = parseKey(generateKey());

  for (const engine of await openEngines()) {
    const handle = await engine.open();
    const ids = new Map<Vendor, string[]>();
    for (const tenant of tenants) {
      const view = await createConnection(handle.db, key, tenant);
      ids.set(tenant.vendor, [...(ids.get(tenant.vendor) ?? []), view.id]);
    }
    // One connection's network time per vendor: its reads alone, through the adapter, no database.
    const networkMs = new Map<Vendor, number>();
    for (const vendor of vendors) {
      const conn = (await loadVendorConnection(handle.db, key, ids.get(vendor)![0]!))!;
      const probes: number[] = [];
      for (let i = 0; i < PROBES; i++) {
        const start = performance.now();
        await Promise.all([
          operationsFor(conn, "live").listCertificateSets(),
          readFederatedCredentials(conn),
        ]);
        probes.push(performance.now() - start);
      }
      networkMs.set(vendor, Math.min(...probes));
    }
    const refresh = async (concurrency: number) => {
      await sb.control.clearRequests();
      const cpuBefore = process.cpuUsage();
      const sandboxBefore = (await sb.control.stats()).cpu;
      // How late this process's event loop ran: a vendor's answer waits that long to be read.
      const loopDelay = monitorEventLoopDelay({ resolution: 10 });
      loopDelay.enable();
      const statements = recordStatements(handle.db);
      const start = performance.now();
      const run = await startRefresh(handle.db, key, {
        trigger: "manual",
        actorName: "bench",
        concurrency: { uipath: concurrency, cloudflare: concurrency, huawei: concurrency },
      });
      await run.finished;
      const measured = performance.now() - start;
      statements.stop();
      loopDelay.disable();
      const loopDelayP99Ms = loopDelay.percentile(99) / 1e6;
      const cpu = process.cpuUsage(cpuBefore);
      const sandboxCpu = (await sb.control.stats()).cpu;
      const sandboxCpuMs =
        (sandboxCpu.user - sandboxBefore.user + sandboxCpu.system - sandboxBefore.system) / 1000;
      // This process's CPU (the sandbox runs in its own): on a shared machine, the figure load does not inflate.
      const cpuMs = (cpu.user + cpu.system) / 1000;
      const failures = (await readRefreshRun(handle.db, run.runId))?.failures.length ?? -1;
      let requests = 0;
      const ideals: string[] = [];
      let ideal = 0;
      for (const vendor of vendors) {
        const log = await sb.control.requests(vendor);
        requests += log.length;
        const byMethod: Record<string, number> = {};
        for (const entry of log) byMethod[entry.method] = (byMethod[entry.method] ?? 0) + 1;
        const conns = byVendor(vendor);
        const network = Math.ceil(conns.length / concurrency) * networkMs.get(vendor)!;
        // The last requests the budget admits still take their round trip.
        const windows = budgetFloorMs(vendor, conns, byMethod, headroom);
        const floor = windows > 0 ? windows + LATENCY_MS : 0;
        ideal = Math.max(ideal, network, floor);
        ideals.push(`${vendor} ${seconds(Math.max(network, floor))}${floor > network ? " (budget)" : ""}`);
      }
      const sent = statements.statements.length;
      return {
        measured,
        ideal,
        ideals,
        failures,
        requests,
        statements: sent,
        cpuMs,
        sandboxCpuMs,
        loopDelayP99Ms,
      };
    };
    const line = (label: string, r: Awaited<ReturnType<typeof refresh>>) =>
      console.log(
        `  ${label.padEnd(44)} measured ${seconds(r.measured)}, ideal ${seconds(r.ideal)} [${r.ideals.join(", ")}], ratio ${(r.measured / r.ideal).toFixed(2)} · CPU ${seconds(r.cpuMs)}, sandbox ${seconds(r.sandboxCpuMs)} · loop delay p99 ${r.loopDelayP99Ms.toFixed(0)} ms · ${r.requests} requests · ${r.statements} statements · failures ${r.failures}`,
      );

    console.log(
      `\n${engine.name} (load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")} on ${cpus().length} CPUs); one connection's network time: ${vendors
        .map((v) => `${v} ${seconds(networkMs.get(v)!)}`)
        .join(", ")}`,
    );
    line("first refresh (every row new), concurrency 4", await refresh(4));
    const inventory = await readInventory(handle.db);
    const sets = new Set(inventory.certificates.map((c) => `${c.connectionId}/${c.setId}`)).size;
    console.log(`  inventory: ${sets} sets, ${inventory.certificates.length} certificates`);
    for (const concurrency of concurrencies) {
      const runs = [];
      for (let i = 0; i < MEASURED; i++) runs.push(await refresh(concurrency));
      const ratios = runs.map((r) => r.measured / r.ideal);
      line(
        `nothing changed, concurrency ${concurrency} (median of ${MEASURED}; ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`,
        median(runs, (r) => r.measured / r.ideal),
      );
    }
    if (vendors.includes("cloudflare")) {
      await rotateOneSetPerAccount(byVendor("cloudflare"));
      line("one set per Cloudflare account rotated, conc. 4", await refresh(4));
      const drift = (await readInventory(handle.db, { driftLimit: 1_000 })).drift.length;
      console.log(`  drift recorded: ${drift}`);
    }
    await handle.close();
    // Let the pool's sockets close before the server goes, or the pool reports its shutdown.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await engine.stop?.();
  }
}

/** One set per Cloudflare account rotated at the vendor, outside Trustdeck: rows, history and drift to write. */
async function rotateOneSetPerAccount(conns: ConnectionInput[]) {
  for (const conn of conns) {
    if (conn.vendor !== "cloudflare") continue;
    const { baseUrl, accountId, apiToken } = conn;
    const headers = { authorization: `Bearer ${apiToken}` };
    const listing = await fetch(`${baseUrl}/accounts/${accountId}/access/saml_certificates?per_page=1`, {
      headers,
    });
    const [set] = ((await listing.json()) as { result: { uid: string }[] }).result;
    await fetch(`${baseUrl}/accounts/${accountId}/access/saml_certificates/${set!.uid}/rotate`, {
      method: "POST",
      headers,
    });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
