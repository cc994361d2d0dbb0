// Lighthouse (12.2.3) on the Overview, the certificate list and a set page, signed in, against a
// production build with the vendor sandbox's demo tenants (bench/support/dashboard-stack.ts).
// Prints performance / accessibility / best-practices per page, the main timings, and every
// accessibility or best-practices audit that did not pass. Printed, never asserted.
// Targets (issue 17): performance ≥ 95, accessibility 100, best practices 100.
//
//   NEXT_DIST_DIR=.next-test npx next build      # once
//   npx tsx bench/lighthouse.ts [--dist=.next-test] [--port=3480] [--mobile]
import { launch } from "chrome-launcher";
import lighthouse, { desktopConfig, type Flags, type Result } from "lighthouse";
import { flag, startDashboardStack } from "./support/dashboard-stack";
// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS helper shared with the Playwright config
const { ensureChromium } = require("../scripts/lib/chromium.cjs") as {
  ensureChromium: () => Promise<{ executablePath: string; env: Record<string, string> }>;
};

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

async function main(): Promise<void> {
  const stack = await startDashboardStack({
    port: Number(flag("port") ?? 3480),
    distDir: flag("dist") ?? process.env.NEXT_DIST_DIR ?? ".next-test",
    rateLimits: true,
  });
  const plan = await ensureChromium();
  Object.assign(process.env, plan.env); // chrome-launcher passes its environment on
  const chrome = await launch({
    chromePath: plan.executablePath,
    chromeFlags: [
      "--headless=new",
      "--no-sandbox",
      "--no-zygote",
      "--disable-dev-shm-usage",
      "--disable-gpu",
    ],
  });
  try {
    const pages: Array<[string, string]> = [
      ["Overview", "/"],
      ["Certificates", "/certificates"],
      ["Set page", await firstSetPage(stack.baseUrl, stack.cookie)],
    ];
    const flags: Flags = {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: [...CATEGORIES],
      extraHeaders: { Cookie: stack.cookie },
    };
    const mobile = process.argv.includes("--mobile");
    console.log(
      `Lighthouse 12.2.3, ${mobile ? "mobile (default config)" : "desktop config"}, signed in as admin, ${stack.baseUrl}`,
    );
    for (const [name, path] of pages) {
      const result = await lighthouse(`${stack.baseUrl}${path}`, flags, mobile ? undefined : desktopConfig);
      if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
      console.log(summarize(name, result.lhr).join("\n"));
    }
  } finally {
    chrome.kill();
    await stack.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
