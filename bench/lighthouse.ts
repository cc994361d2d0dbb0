// Lighthouse (12.2.3) on the Overview, the certificate list and a set page, signed in, against a
// production build with the vendor sandbox's demo tenants (bench/support/dashboard-stack.ts).
// Prints performance / accessibility / best-practices per page, the main timings, and every
// accessibility or best-practices audit that did not pass. Printed, never asserted.
// Targets (issue 17): performance ≥ 95, accessibility 100, best practices 100.
//
//   NEXT_DIST_DIR=.next-test npx next build      # once
//   npx tsx bench/lighthouse.ts [--dist=.next-test] [--port=3480] [--mobile] [--sets=500] [--save=DIR]
//   (--sets: one more Cloudflare account with that many sets beside the demo tenants; 0 for none)
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Result } from "lighthouse";
import { flag, startDashboardStack } from "./support/dashboard-stack";
// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS helper shared with the Playwright config
const { ensureChromium } = require("../scripts/lib/chromium.cjs") as {
  ensureChromium: () => Promise<{ executablePath: string; env: Record<string, string> }>;
};

const ROOT = resolve(__dirname, "..");
const CATEGORIES = ["performance", "accessibility", "best-practices"] as const;
const TIMINGS = [
  ["first-contentful-paint", "FCP"],
  ["largest-contentful-paint", "LCP"],
  ["total-blocking-time", "TBT"],
  ["cumulative-layout-shift", "CLS"],
] as const;

/** The first set page the certificate list links to. */
async function firstSetPage(baseUrl: string, cookie: string): Promise<string> {
  const html = await (await fetch(`${baseUrl}/certificates`, { headers: { cookie } })).text();
  const href = /href="(\/certificates\/[^"/]+\/[^"]+)"/.exec(html)?.[1];
  if (!href) throw new Error("the certificate list links to no set page");
  return href.replaceAll("&amp;", "&");
}

function summarize(name: string, lhr: Result): string[] {
  const score = (id: (typeof CATEGORIES)[number]) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const lines = [
    `${name.padEnd(14)} performance ${String(score("performance")).padStart(3)} · accessibility ${String(score("accessibility")).padStart(3)} · best practices ${String(score("best-practices")).padStart(3)}   ` +
      TIMINGS.map(([id, label]) => `${label} ${lhr.audits[id]?.displayValue ?? "?"}`).join(" · "),
  ];
  // What moved (CLS) and what blocked the main thread (TBT), when the performance score lost points.
  for (const id of ["layout-shifts", "long-tasks"]) {
    const audit = lhr.audits[id];
    const items = (audit?.details as { items?: Array<Record<string, unknown>> } | undefined)?.items ?? [];
    if ((lhr.categories.performance?.score ?? 1) === 1 || items.length === 0) continue;
    lines.push(`    · ${id}:`);
    for (const item of items.slice(0, 3)) {
      const node = item.node as { snippet?: string; selector?: string } | undefined;
      const what = node?.selector ?? node?.snippet ?? item.url ?? "";
      const figure =
        item.score !== undefined
          ? `shift ${Number(item.score).toFixed(3)}`
          : `${Math.round(Number(item.duration))} ms`;
      lines.push(`        ${figure}  ${String(what).replace(/\s+/g, " ").slice(0, 160)}`);
    }
  }
  for (const category of ["accessibility", "best-practices"] as const) {
    for (const ref of lhr.categories[category]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (!audit || ref.weight === 0 || audit.score === null || audit.score === 1) continue;
      lines.push(`    ✗ ${category}: ${audit.id} — ${audit.title}`);
      const items = (audit.details as { items?: Array<Record<string, unknown>> } | undefined)?.items ?? [];
      for (const item of items.slice(0, 3)) {
        const node = item.node as { snippet?: string; explanation?: string } | undefined;
        const text =
          node?.explanation ?? node?.snippet ?? item.description ?? item.source ?? JSON.stringify(item);
        lines.push(`        ${String(text).replace(/\s+/g, " ").slice(0, 200)}`);
      }
    }
  }
  return lines;
}

/**
 * One Lighthouse run through its CLI under plain Node (under tsx, functions Lighthouse sends to
 * the page carry esbuild's `__name` helper and fail there). Its own Chromium each time.
 */
function runLighthouse(
  url: string,
  cookie: string,
  chromium: { executablePath: string; env: Record<string, string> },
  mobile: boolean,
): Promise<Result> {
  const args = [
    join(ROOT, "node_modules", "lighthouse", "cli", "index.js"),
    url,
    "--output=json",
    "--output-path=stdout",
    "--quiet",
    `--only-categories=${CATEGORIES.join(",")}`,
    `--extra-headers=${JSON.stringify({ Cookie: cookie })}`,
    "--chrome-flags=--headless=new --no-sandbox --no-zygote --disable-dev-shm-usage --disable-gpu",
    ...(mobile ? [] : ["--preset=desktop"]),
  ];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, ...chromium.env, CHROME_PATH: chromium.executablePath },
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk));
  return new Promise((done, fail) =>
    child.once("exit", (code) =>
      code === 0 ? done(JSON.parse(output) as Result) : fail(new Error(`lighthouse exited with ${code}`)),
    ),
  );
}

/** Certificate sets of one extra Cloudflare account, so the list is measured at its stated size. */
const SETS = Number(flag("sets") ?? 500);
/** --save=DIR: each page's whole Lighthouse report as JSON, for a closer look. */
const SAVE_DIR = flag("save");

async function main(): Promise<void> {
  const stack = await startDashboardStack({
    port: Number(flag("port") ?? 3480),
    distDir: flag("dist") ?? process.env.NEXT_DIST_DIR ?? ".next-test",
    rateLimits: true,
    largeSets: SETS,
  });
  const plan = await ensureChromium();
  const mobile = process.argv.includes("--mobile");
  try {
    const pages: Array<[string, string]> = [
      ["Overview", "/"],
      ["Certificates", "/certificates"],
      ["Set page", await firstSetPage(stack.baseUrl, stack.cookie)],
    ];
    console.log(
      `Lighthouse 12.2.3, ${mobile ? "mobile (default config)" : "desktop preset"}, signed in as admin, ${stack.baseUrl}, demo tenants + one account of ${SETS} sets`,
    );
    for (const [name, path] of pages) {
      const lhr = await runLighthouse(`${stack.baseUrl}${path}`, stack.cookie, plan, mobile);
      if (SAVE_DIR)
        writeFileSync(join(SAVE_DIR, `${name.toLowerCase().replace(/\W+/g, "-")}.json`), JSON.stringify(lhr));
      console.log(summarize(name, lhr).join("\n"));
    }
  } finally {
    await stack.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
