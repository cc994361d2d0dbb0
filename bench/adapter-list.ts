// Lists a Cloudflare account's SAML certificate sets through the adapter and through raw HTTP
// requests of the same sandbox pages, and prints both times and their ratio (the adapter's
// overhead), for 500 sets (1,000 certificates) and 2,500 sets (5,000 certificates). The accounts
// are seeded through the sandbox control plane (POST /__sandbox/tenants). Figures are printed,
// never asserted. Run: npx tsx bench/adapter-list.ts
import { spawnSync } from "node:child_process";

const ROUNDS = 15;
const WARMUP = 5;
const SIZES = [500, 2_500];
const PER_PAGE = 100;

// lib/vendors modules start with `import "server-only"`, which only loads under the
// react-server condition (as in Next's server bundles): re-run this script with it.
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

interface Timing {
  median: number;
  min: number;
}

/** Runs the variants interleaved, round by round, so that machine noise hits them alike. */
async function timeAll(
  runs: Record<string, () => Promise<unknown>>,
  beforeEach: () => void,
): Promise<Record<string, Timing>> {
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(runs).map((k) => [k, []]));
  for (let round = 0; round < WARMUP + ROUNDS; round++) {
    for (const [name, run] of Object.entries(runs)) {
      beforeEach();
      const start = performance.now();
      await run();
      if (round >= WARMUP) samples[name]?.push(performance.now() - start);
    }
  }
  return Object.fromEntries(
    Object.entries(samples).map(([name, list]) => {
      list.sort((a, b) => a - b);
      return [name, { median: list[Math.floor(list.length / 2)] ?? 0, min: list[0] ?? 0 }];
    }),
  );
}

interface Conn {
  baseUrl: string;
  accountId: string;
  apiToken: string;
}

/** Raw HTTP: every page fetched and its body read (and, for `json`, parsed), nothing checked. */
async function rawList(conn: Conn, total: number, parse: boolean): Promise<number> {
  let items = 0;
  for (let page = 1; page <= Math.max(1, Math.ceil(total / PER_PAGE)); page++) {
    const res = await fetch(
      `${conn.baseUrl}/accounts/${conn.accountId}/access/saml_certificates?page=${page}&per_page=${PER_PAGE}`,
      { headers: { authorization: `Bearer ${conn.apiToken}` } },
    );
    items += parse ? ((await res.json()) as { result: unknown[] }).result.length : (await res.text()).length;
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
      `Node ${process.version}; median of ${ROUNDS} rounds after ${WARMUP} warm-up, pages of ${PER_PAGE}`,
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
      const timings = await timeAll(
        {
          rawText: () => rawList(conn, size, false),
          rawJson: () => rawList(conn, size, true),
          cold: async () => {
            clearCertificateSummaryCache();
            await listAll();
          },
          warm: listAll,
        },
        forgetBudget,
      );
      const { rawText, rawJson, cold, warm } = timings;
      if (!rawText || !rawJson || !cold || !warm) throw new Error("missing timings");
      const fmt = (t: Timing) => `${t.median.toFixed(1)} ms (min ${t.min.toFixed(1)})`.padEnd(24);
      console.log(
        `\n${size} sets, ${2 * size} distinct certificates (seeded through the control plane in ${(seedMs / 1000).toFixed(2)} s), ${Math.ceil(size / PER_PAGE)} pages`,
      );
      console.log(`  raw HTTP, fetch + read body:             ${fmt(rawText)}`);
      console.log(`  raw HTTP, fetch + JSON.parse:            ${fmt(rawJson)}`);
      console.log(
        `  adapter, summaries cached (steady state): ${fmt(warm)} ratio ${(warm.median / rawJson.median).toFixed(2)} to raw JSON, ${(warm.median / rawText.median).toFixed(2)} to raw body`,
      );
      console.log(
        `  adapter, summaries computed (cold):      ${fmt(cold)} ratio ${(cold.median / rawJson.median).toFixed(2)} to raw JSON`,
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
