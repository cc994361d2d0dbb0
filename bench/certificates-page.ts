// Renders the interactive certificate list (components/certificates/certificate-list.tsx, the
// virtualised list that takes over from the server's first screenful once the page has loaded;
// the server renders a screenful whatever the length) with 200 and with 2,000 sets in the npm-packed Chromium and
// prints the time from mount to first paint of each, the DOM rows rendered and the ratio
// 2,000 : 200 (goal: within 2×). Printed, never asserted.
// Run: npx tsx bench/certificates-page.ts [count ...]   (default: 200 2000)
//
// Method: as bench/timeline-render.ts — the real component bundled by esbuild (production React)
// with the app's Tailwind CSS, served from a static page on 127.0.0.1; next/link is swapped for a
// plain anchor. No Next server or vendor is involved: the figure is the list's own render cost.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import postcss from "postcss";
import tailwind from "@tailwindcss/postcss";
import { chromium } from "@playwright/test";
// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS helper shared with the Playwright config
const { ensureChromium } = require("../scripts/lib/chromium.cjs") as {
  ensureChromium: () => Promise<{ executablePath: string; env: Record<string, string> }>;
};

const COUNTS = process.argv.length > 2 ? process.argv.slice(2).map(Number) : [200, 2000];
const ROUNDS = 5;
const ROOT = resolve(__dirname, "..");

async function main() {
  const js = (
    await build({
      entryPoints: [join(ROOT, "bench", "certificates-harness.tsx")],
      bundle: true,
      minify: true,
      format: "iife",
      jsx: "automatic",
      write: false,
      define: { "process.env.NODE_ENV": '"production"' },
      alias: {
        "next/link": join(ROOT, "bench", "timeline-link-shim.tsx"),
        "next/navigation": join(ROOT, "bench", "navigation-shim.ts"),
        "@": ROOT,
      },
      logLevel: "warning",
    })
  ).outputFiles[0]!.text;
  const cssPath = join(ROOT, "app", "globals.css");
  const css = (
    await postcss([tailwind({ base: ROOT })]).process(readFileSync(cssPath, "utf8"), { from: cssPath })
  ).css;
  const server = createServer((request, response) => {
    if (request.url === "/harness.js")
      return void response.writeHead(200, { "content-type": "text/javascript" }).end(js);
    if (request.url === "/harness.css")
      return void response.writeHead(200, { "content-type": "text/css" }).end(css);
    response
      .writeHead(200, { "content-type": "text/html" })
      .end(
        '<!doctype html><html><head><link rel="stylesheet" href="/harness.css"></head><body><div id="root"></div><script src="/harness.js"></script></body></html>',
      );
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const plan = await ensureChromium();
  const browser = await chromium.launch({
    executablePath: plan.executablePath,
    env: { ...process.env, ...plan.env } as Record<string, string>,
    args: [
      "--no-sandbox",
      "--no-zygote",
      "--disable-dev-shm-usage",
      "--disable-gpu",
      "--disable-background-networking",
    ],
  });
  try {
    const medians: number[] = [];
    for (const count of COUNTS) {
      const results: { painted: number; rows: number }[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
        results.push(
          await page.evaluate(
            (n) =>
              (
                window as unknown as {
                  certificatesBench: { mount: (n: number) => Promise<{ painted: number; rows: number }> };
                }
              ).certificatesBench.mount(n),
            count,
          ),
        );
        await page.close();
      }
      const sorted = results.map((r) => r.painted).sort((a, b) => a - b);
      medians.push(sorted[Math.floor(ROUNDS / 2)]!);
      console.log(
        `Certificate list, ${count} sets over 10 connections (${results[0]!.rows} rows in the DOM, ${count * 2} slots), Chromium ${browser.version()}, 1280×800`,
      );
      console.log(
        `  mount to first paint: median ${medians.at(-1)!.toFixed(0)} ms, min ${sorted[0]!.toFixed(0)} ms, max ${sorted[ROUNDS - 1]!.toFixed(0)} ms (${ROUNDS} fresh pages)`,
      );
    }
    if (medians.length > 1)
      console.log(
        `ratio ${COUNTS.at(-1)} : ${COUNTS[0]} sets (medians): ${(medians.at(-1)! / medians[0]!).toFixed(2)}× (goal ≤ 2×)`,
      );
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
