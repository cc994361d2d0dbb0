// Load bench (issue 17): N signed-in users (each its own session) for D seconds over the
// certificate list, the federated-credentials list, a set page and the Overview, against a
// production build and the vendor sandbox with its documented rate limits on
// (bench/support/dashboard-stack.ts). The users are split evenly across the pages, one
// autocannon instance per page, all at once. Prints per page: loads, statuses and time
// percentiles; vendor requests (from the sandbox's request log) per page load and per minute;
// pages that showed a vendor's rate-limit error (goal 0); the server's RSS before, after and after
// an idle pause. Printed, never asserted.
//
//   NEXT_DIST_DIR=.next-test npx next build      # once
//   npx tsx bench/load.ts                         # 50 users × 60 s, 30 s idle
//   npx tsx bench/load.ts --users=10 --duration=10 --idle=10   # a smoke run
//   npx tsx bench/load.ts --pages=/certificates,/api/certificates,set,/   # pages (and what they fetch)
//   npx tsx bench/load.ts --rounds=3              # three load + idle rounds on one server (memory)
import { readFileSync, readdirSync } from "node:fs";
import autocannon from "autocannon";
import { flag, startDashboardStack } from "./support/dashboard-stack";

const USERS = Number(flag("users") ?? 50);
const DURATION_S = Number(flag("duration") ?? 60);
const IDLE_S = Number(flag("idle") ?? 30);
/** Load-then-idle rounds on one server: memory that keeps growing round after round is a leak. */
const ROUNDS = Number(flag("rounds") ?? 1);
/** What a page says when a vendor answered 429 (lib/vendors/errors-messages.ts). */
const RATE_LIMITED = "is limiting the rate of requests";
/** A server component that threw: the flight data carries its error digest (error boundary shown). */
const FAILED = /digest\\?":\\?"\d+/;

/** Resident memory of a process and all its descendants (next start may fork), from /proc. */
function rssOfTree(rootPid: number): number {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // the process ended meanwhile
    }
  }
  const tree = new Set([rootPid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, ppid] of parents)
      if (tree.has(ppid) && !tree.has(pid)) grew = tree.add(pid) !== undefined;
  }
  let kb = 0;
  for (const pid of tree) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      // the process ended meanwhile
    }
  }
  return kb * 1024;
}

/** The server's V8 heap in use (prom-client's default metrics): grows round after round on a leak. */
async function heapUsed(baseUrl: string, token: string): Promise<number> {
  const text = await (
    await fetch(`${baseUrl}/api/metrics`, { headers: { authorization: `Bearer ${token}` } })
  ).text();
  return Number(/^trustdeck_nodejs_heap_size_used_bytes (\S+)/m.exec(text)?.[1] ?? NaN);
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

type PageStats = { loads: number; rateLimited: number; failed: number; statuses: Map<number, number> };

async function main(): Promise<void> {
  const stack = await startDashboardStack({
    port: Number(flag("port") ?? 3490),
    distDir: flag("dist") ?? process.env.NEXT_DIST_DIR ?? ".next-test",
    rateLimits: true,
  });
  try {
    const listHtml = await (
      await fetch(`${stack.baseUrl}/certificates`, { headers: { cookie: stack.cookie } })
    ).text();
    const setPath = /href="(\/certificates\/[^"/]+\/[^"]+)"/.exec(listHtml)?.[1]?.replaceAll("&amp;", "&");
    if (!setPath) throw new Error("the certificate list links to no set page");
    // --pages=/certificates,/api/certificates,set,/ : what a browser requests for each view ("set" is
    // the first set page). HTML only by default; add the routes a page fetches from the browser.
    const pages = (flag("pages") ?? "/certificates,/federated-credentials,set,/")
      .split(",")
      .map((p) => (p === "set" ? setPath : p));
    const cookies = [stack.cookie];
    while (cookies.length < USERS) cookies.push(await stack.signIn());
    // One warm-up load of each page: compiled routes and caches as a running server has them.
    for (const path of pages) await fetch(`${stack.baseUrl}${path}`, { headers: { cookie: stack.cookie } });
    for (let round = 1; round <= ROUNDS; round++) {
      const rssBefore = rssOfTree(stack.serverPid);
      const heapBefore = await heapUsed(stack.baseUrl, stack.metricsToken);
      await fetch(`${stack.sandboxControl}/__sandbox/requests`, { method: "DELETE" });
      if (ROUNDS > 1) console.log(`round ${round} of ${ROUNDS}`);

      console.log(
        `load bench: ${USERS} signed-in users (own sessions) × ${DURATION_S} s over ${pages.length} pages, vendor rate limits on`,
      );
      const stats = new Map<string, PageStats>(
        pages.map((p) => [p, { loads: 0, rateLimited: 0, failed: 0, statuses: new Map<number, number>() }]),
      );
      let nextCookie = 0;
      const results = await Promise.all(
        pages.map((path, index) => {
          const users = Math.floor(USERS / pages.length) + (index < USERS % pages.length ? 1 : 0);
          const page = stats.get(path)!;
          return autocannon({
            url: stack.baseUrl,
            connections: Math.max(1, users),
            duration: DURATION_S,
            timeout: 60,
            setupClient: (client) => client.setHeaders({ cookie: cookies[nextCookie++ % cookies.length]! }),
            requests: [
              {
                method: "GET",
                path,
                onResponse: (status: number, body: string) => {
                  page.loads++;
                  page.statuses.set(status, (page.statuses.get(status) ?? 0) + 1);
                  if (body.includes(RATE_LIMITED)) page.rateLimited++;
                  if (FAILED.test(body)) page.failed++;
                },
              },
            ],
          });
        }),
      );
      const rssAfter = rssOfTree(stack.serverPid);
      const heapAfter = await heapUsed(stack.baseUrl, stack.metricsToken);
      const { requests: vendorLog } = (await (
        await fetch(`${stack.sandboxControl}/__sandbox/requests`)
      ).json()) as { requests: Array<{ status: number | null; service: string }> };

      let totalLoads = 0;
      let totalRateLimited = 0;
      let totalFailed = 0;
      pages.forEach((path, index) => {
        const r = results[index]!;
        const page = stats.get(path)!;
        totalLoads += page.loads;
        totalRateLimited += page.rateLimited;
        totalFailed += page.failed;
        const name = path === setPath ? "set page" : path;
        console.log(
          `  ${name.padEnd(24)} ${String(page.loads).padStart(6)} loads  p50 ${r.latency.p50} ms · p90 ${r.latency.p90} ms · p99 ${r.latency.p99} ms · max ${r.latency.max} ms  ` +
            `statuses ${JSON.stringify(Object.fromEntries(page.statuses))}  rate-limited ${page.rateLimited} · failed (error boundary) ${page.failed}` +
            (r.errors || r.timeouts ? `  errors ${r.errors} (timeouts ${r.timeouts})` : ""),
        );
      });
      const byService = new Map<string, number>();
      for (const entry of vendorLog) byService.set(entry.service, (byService.get(entry.service) ?? 0) + 1);
      const vendor429 = vendorLog.filter((e) => e.status === 429).length;
      console.log(
        `  vendor requests ${vendorLog.length} (${JSON.stringify(Object.fromEntries(byService))}, ${vendor429} answered 429): ` +
          `${(vendorLog.length / Math.max(1, totalLoads)).toFixed(3)} per page load, ${((vendorLog.length / DURATION_S) * 60).toFixed(0)} per minute`,
      );
      console.log(
        `  rate-limited pages ${totalRateLimited} of ${totalLoads} (goal 0); pages that failed on the server ${totalFailed}`,
      );
      await new Promise((r) => setTimeout(r, IDLE_S * 1000));
      const rssIdle = rssOfTree(stack.serverPid);
      const heapIdle = await heapUsed(stack.baseUrl, stack.metricsToken);
      console.log(
        `  server RSS: before ${mb(rssBefore)} · after ${mb(rssAfter)} · after ${IDLE_S} s idle ${mb(rssIdle)}`,
      );
      console.log(
        `  server V8 heap used: before ${mb(heapBefore)} · after ${mb(heapAfter)} · after ${IDLE_S} s idle ${mb(heapIdle)}`,
      );
    }
  } finally {
    await stack.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
