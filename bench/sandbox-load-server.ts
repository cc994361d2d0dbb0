import { startSandbox } from "../sandbox/server";

/**
 * The sandbox under test for bench/sandbox-load.ts (and bench/support/dashboard-stack.ts), in its own process (started with
 * --expose-gc so /__sandbox/stats can collect before measuring memory). Prints one
 * JSON line with its URLs and demo connections, then waits for SIGTERM.
 */
async function main(): Promise<void> {
  const started = performance.now();
  const sandbox = await startSandbox({
    ports: { uipath: 0, cloudflare: 0, huawei: 0, issuers: 0 },
    control: true,
  });
  // Throughput is the point of bench/sandbox-load.ts, not the vendors' quotas; bench/load.ts keeps
  // the documented limits (BENCH_SANDBOX_RATE_LIMITS=1) to count the pages that hit them.
  if (process.env.BENCH_SANDBOX_RATE_LIMITS !== "1") await sandbox.control.settings({ rateLimits: false });
  // A large account beside the demo tenants (bench/lighthouse.ts --sets=N: the list at 500+ sets).
  const largeSets = Number(process.env.BENCH_SANDBOX_LARGE_SETS ?? 0);
  const large =
    largeSets > 0
      ? (
          await sandbox.control.addTenants({
            vendor: "cloudflare",
            name: "Large",
            connections: 1,
            setsPerConnection: largeSets,
          })
        ).connections
      : [];
  console.log(
    JSON.stringify({
      ready: true,
      startupMs: Math.round(performance.now() - started),
      urls: sandbox.urls,
      demo: [...sandbox.demo, ...large],
    }),
  );
  process.once("SIGTERM", () => void sandbox.stop().then(() => process.exit(0)));
}

void main();
