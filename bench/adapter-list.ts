// Lists a Cloudflare account's SAML certificate sets through the adapter and through raw HTTP
// requests of the same sandbox pages, and prints both times and their ratio (the adapter's
// overhead), for 500 sets (1,000 certificates) and 2,500 sets (5,000 certificates). The accounts
// are seeded through the sandbox control plane (POST /__sandbox/tenants). Figures are printed,
// never asserted. Run: npx tsx bench/adapter-list.ts [sizes in sets…] [--rounds=N]
// (defaults: 500 2500, 21 rounds after 5 warm-up; the slow cold listing runs in 7 of them).
//
// The raw baseline is what a careful hand-written client would send: the same pages in the same
// order, with the same authorization and accept headers, over Node's fetch (kept-alive pooled
// connections, like the adapter's path to a custom host), redirects not followed, the status and
// media type checked, the JSON parsed and every item returned; nothing validated or built. The adapter reaches the
// sandbox as a custom vendor host (TRUSTDECK_CUSTOM_VENDOR_HOSTS): through the outbound guard,
// the rate budget, retries and metrics. Every variant starts on a collected heap
// (--expose-gc), so no variant pays for another's garbage; the variants run interleaved, and the
// ratio printed is the median of each round's ratio (adapter / raw of the same round), which a
// shared, noisy machine disturbs less than a ratio of medians. The spread is the 25th–75th
// percentile of those ratios. Each figure also comes as the process's CPU time (the sandbox runs
// in this process on loopback, so the work is CPU-bound): contention from other processes
// stretches wall clock, much less CPU time.
import { spawnSync } from "node:child_process";

const args = process.argv.slice(2);
const ROUNDS = Number(args.find((a) => a.startsWith("--rounds="))?.slice("--rounds=".length) ?? 21);
const COLD_ROUNDS = Math.min(ROUNDS, 7);
const WARMUP = 5;
const sizeArgs = args.filter((a) => /^\d+$/.test(a)).map(Number);
const SIZES = sizeArgs.length > 0 ? sizeArgs : [500, 2_500];
const PER_PAGE = 100;

// lib/vendors modules start with `import "server-only"`, which only loads under the
// react-server condition (as in Next's server bundles): re-run this script with it.
if (!process.env.NODE_OPTIONS?.includes("react-server")) {
  const child = spawnSync(process.execPath, [...process.execArgv, "--expose-gc", ...process.argv.slice(1)], {
    stdio: "inherit",
    env: {
      ...process.env,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --conditions=react-server`.trim(),
    },
  });
  process.exit(child.status ?? 1);
}

/** One variant's times in ms, in round order: wall clock, and the process's CPU time. */
type Samples = number[];
interface Timing {
  wall: Samples;
  cpu: Samples;
}

interface Variant {
  run: () => Promise<unknown>;
  /** Measured rounds it takes part in (the first ones); all by default. */
  rounds?: number;
}

/** Runs the variants interleaved, round by round, so that machine noise hits them alike. */
async function timeAll(
  variants: Record<string, Variant>,
  beforeEach: () => void,
): Promise<Record<string, Timing>> {
  const samples: Record<string, Timing> = Object.fromEntries(
    Object.keys(variants).map((k) => [k, { wall: [], cpu: [] }]),
  );
  for (let round = 0; round < WARMUP + ROUNDS; round++) {
    for (const [name, { run, rounds = ROUNDS }] of Object.entries(variants)) {
      if (round >= WARMUP + rounds) continue;
      beforeEach();
      globalThis.gc?.();
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      await run();
      const wall = performance.now() - start;
      const cpu = process.cpuUsage(cpuStart);
      if (round >= WARMUP) {
        samples[name]?.wall.push(wall);
        samples[name]?.cpu.push((cpu.user + cpu.system) / 1000);
      }
    }
  }
  return samples;
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

/** "12.3 ms (min 10.1), CPU 11.8 ms" */
function fmt({ wall, cpu }: Timing): string {
  return `${quantile(wall, 0.5).toFixed(1)} ms (min ${Math.min(...wall).toFixed(1)}), CPU ${quantile(cpu, 0.5).toFixed(1)} ms`.padEnd(
    38,
  );
}

/** The median of each round's ratio `of[i] / to[i]`, with its 25th–75th percentile. */
function ratioOf(of: Samples, to: Samples): string {
  const ratios = of.map((value, i) => value / (to[i] ?? Number.NaN));
  return `${quantile(ratios, 0.5).toFixed(2)} (${quantile(ratios, 0.25).toFixed(2)}–${quantile(ratios, 0.75).toFixed(2)})`;
}

/** Wall-clock and CPU-time ratios of two variants. */
function ratio(of: Timing, to: Timing): string {
  return `${ratioOf(of.wall, to.wall)}, CPU ${ratioOf(of.cpu, to.cpu)}`;
}

interface Conn {
  baseUrl: string;
  accountId: string;
  apiToken: string;
}

/**
 * Raw HTTP: every page fetched and its body read; for `json`, also the checks a careful client
 * makes (status, media type) and JSON.parse, the items of every page returned. Nothing validated
 * against a schema, nothing built.
 */
async function rawList(conn: Conn, total: number, parse: boolean): Promise<unknown[]> {
  const items: unknown[] = [];
  for (let page = 1; page <= Math.max(1, Math.ceil(total / PER_PAGE)); page++) {
    const res = await fetch(
      `${conn.baseUrl}/accounts/${conn.accountId}/access/saml_certificates?page=${page}&per_page=${PER_PAGE}`,
      {
        headers: { authorization: `Bearer ${conn.apiToken}`, accept: "application/json" },
        redirect: "manual",
      },
    );
    if (!parse) {
      items.push(await res.text());
      continue;
    }
    if (!res.ok || !res.headers.get("content-type")?.startsWith("application/json"))
      throw new Error(`page ${page}: HTTP ${res.status} ${res.headers.get("content-type")}`);
    // Kept, as a list function returns them (the adapter returns every set too).
    items.push(...((await res.json()) as { result: unknown[] }).result);
  }
  return items;
}

async function main(): Promise<void> {
  await import("@abraham/reflection");
  const { startSandbox } = await import("../sandbox/server");
  const { createCloudflareAdapter } = await import("../lib/vendors/cloudflare/adapter");
  const { connectionInputSchema } = await import("../lib/connections/schemas");
  const { clearCertificateSummaryCache } = await import("../lib/vendors/certificate-slot");
  const { processRateLimiter } = await import("../lib/vendors/rate-budget-limiter");

  const sandbox = await startSandbox({
    ports: { uipath: 0, cloudflare: 0, huawei: 0, issuers: 0 },
    control: true,
  });
  try {
    // Requests to the sandbox's plain-HTTP host are refused unless the server names it.
    process.env.TRUSTDECK_CUSTOM_VENDOR_HOSTS = new URL(sandbox.urls.cloudflare).host;
    // Neither the sandbox's limits nor Trustdeck's own budget may pace the rounds.
    await sandbox.control.settings({ rateLimits: false });
    const forgetBudget = () => processRateLimiter().forgetWindows();
    const adapter = createCloudflareAdapter();
    console.log(
      `Node ${process.version}; median of ${ROUNDS} rounds after ${WARMUP} warm-up, pages of ${PER_PAGE}; ratios: median of the rounds' ratios (25th–75th percentile)`,
    );

    for (const size of SIZES) {
      const seedStart = performance.now();
      const { connections } = await sandbox.control.addTenants({
        vendor: "cloudflare",
        name: `Adapter ${size}`,
        connections: 1,
        setsPerConnection: size,
      });
      const seedMs = performance.now() - seedStart;
      const conn = { id: `bench-${size}`, ...connectionInputSchema.parse(connections[0]) };
      if (conn.vendor !== "cloudflare") throw new Error("expected a Cloudflare connection");
      const listAll = async () => {
        const listed = await adapter.listCertificateSets(conn);
        if (listed.length !== size) throw new Error(`expected ${size} sets, got ${listed.length}`);
      };
      const { rawText, rawJson, warm, cold } = await timeAll(
        {
          rawText: { run: () => rawList(conn, size, false) },
          rawJson: { run: () => rawList(conn, size, true) },
          warm: { run: listAll },
          cold: {
            run: async () => {
              clearCertificateSummaryCache();
              await listAll();
            },
            rounds: COLD_ROUNDS,
          },
        },
        forgetBudget,
      );
      if (!rawText || !rawJson || !cold || !warm) throw new Error("missing timings");
      console.log(
        `\n${size} sets, ${2 * size} distinct certificates (seeded through the control plane in ${(seedMs / 1000).toFixed(2)} s), ${Math.ceil(size / PER_PAGE)} pages`,
      );
      console.log(`  raw HTTP, fetch + read body:             ${fmt(rawText)}`);
      console.log(`  raw HTTP, fetch + checks + JSON.parse:   ${fmt(rawJson)}`);
      console.log(
        `  adapter, summaries cached (steady state): ${fmt(warm)} ratio ${ratio(warm, rawJson)} to raw JSON, ${ratio(warm, rawText)} to raw body`,
      );
      console.log(
        `  adapter, summaries computed (cold):      ${fmt(cold)} ratio ${ratio(cold, rawJson)} to raw JSON (${cold.wall.length} rounds)`,
      );
    }
  } finally {
    await sandbox.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
