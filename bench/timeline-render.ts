// Times the expiry timeline with 5,000 certificates in Chromium: the first render (mount to first
// paint) and one zoom step (the "Zoom in" / "Zoom out" button, click to next paint), with React's
// own render time (Profiler) and Chromium's layout and style counts per step. Printed, not asserted.
// Run: npx tsx bench/timeline-render.ts [count]
//
// Method: the real components/timeline code is bundled by esbuild (production React with the
// profiling build, so that <Profiler> reports) with the app's Tailwind CSS compiled by its own
// PostCSS plugin, and served from a static page; only next/link is swapped for a plain anchor
// (bench/timeline-link-shim.tsx), since it needs a Next router. No Next server is involved, so
// the figures are the component's, not the network's or the server's.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
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

const COUNT = Number(process.argv[2] ?? 5000);
const ZOOM_STEPS = 10;
const ROOT = resolve(__dirname, "..");
const OUT = join(ROOT, ".cache", "bench-timeline");

async function bundle() {
  mkdirSync(OUT, { recursive: true });
  await build({
    entryPoints: [join(ROOT, "bench", "timeline-harness.tsx")],
    bundle: true,
    minify: true,
    format: "iife",
    jsx: "automatic",
    outfile: join(OUT, "harness.js"),
    define: { "process.env.NODE_ENV": '"production"' },
    alias: {
      "next/link": join(ROOT, "bench", "timeline-link-shim.tsx"),
      "react-dom/client": "react-dom/profiling",
      "@": ROOT,
    },
    logLevel: "warning",
  });
  const cssPath = join(ROOT, "app", "globals.css");
  const css = await postcss([tailwind({ base: ROOT })]).process(readFileSync(cssPath, "utf8"), {
    from: cssPath,
  });
  writeFileSync(join(OUT, "harness.css"), css.css);
  writeFileSync(
    join(OUT, "index.html"),
    '<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="harness.css"></head><body class="p-6"><div id="root" style="width:976px"></div><script src="harness.js"></script></body></html>',
  );
}

function serve(): Promise<{ url: string; close: () => void }> {
  const types: Record<string, string> = { html: "text/html", js: "text/javascript", css: "text/css" };
  const server = createServer((req, res) => {
    const name =
      (req.url ?? "/").split("?")[0] === "/" ? "index.html" : (req.url ?? "").slice(1).split("?")[0]!;
    try {
      const body = readFileSync(join(OUT, name.replace(/[^a-z.]/gi, "")));
      res
        .writeHead(200, { "content-type": types[name.split(".").pop() ?? ""] ?? "application/octet-stream" })
        .end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) =>
    server.listen(0, "127.0.0.1", () =>
      ok({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() }),
    ),
  );
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function main() {
  await bundle();
  const { url, close } = await serve();
  const plan = await ensureChromium();
  const browser = await chromium.launch({
    executablePath: plan.executablePath,
    env: { ...process.env, ...plan.env } as Record<string, string>,
    args: ["--no-sandbox", "--no-zygote", "--disable-dev-shm-usage", "--disable-gpu"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Performance.enable");
    const metrics = async () =>
      Object.fromEntries(
        (
          (await cdp.send("Performance.getMetrics")) as { metrics: { name: string; value: number }[] }
        ).metrics.map((m) => [m.name, m.value]),
      );
    await page.goto(url);
    const prep = await page.evaluate(
      (count) =>
        (
          window as unknown as { timelineBench: { prepare: (n: number) => { prepare: number } } }
        ).timelineBench.prepare(count),
      COUNT,
    );
    await page.reload();
    const first = await page.evaluate(
      (count) =>
        (
          window as unknown as { timelineBench: { mount: (n: number) => Promise<Record<string, number>> } }
        ).timelineBench.mount(count),
      COUNT,
    );
    await page.screenshot({ path: join(OUT, "first-render.png") });

    const steps: {
      painted: number;
      committed: number;
      reactRender: number;
      layouts: number;
      styles: number;
    }[] = [];
    for (let i = 0; i < ZOOM_STEPS; i++) {
      const before = await metrics();
      const label = i % 2 === 0 ? "Zoom in" : "Zoom out";
      const step = await page.evaluate(
        (l) =>
          (
            window as unknown as { timelineBench: { click: (l: string) => Promise<Record<string, number>> } }
          ).timelineBench.click(l),
        label,
      );
      const after = await metrics();
      steps.push({
        painted: step.painted!,
        committed: step.committed!,
        reactRender: step.reactRender!,
        layouts: after.LayoutCount! - before.LayoutCount!,
        styles: after.RecalcStyleCount! - before.RecalcStyleCount!,
      });
    }
    await page.screenshot({ path: join(OUT, "after-zoom.png") });
    const darkPage = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await darkPage.goto(url);
    await darkPage.evaluate(async (count) => {
      const bench = (
        window as unknown as { timelineBench: { mount: (n: number) => Promise<unknown>; dark: () => void } }
      ).timelineBench;
      bench.dark();
      await bench.mount(count);
    }, 300);
    await darkPage.getByTestId("timeline-plot").focus();
    await darkPage.keyboard.press("1");
    await darkPage.keyboard.press("ArrowDown");
    await darkPage.keyboard.press("ArrowDown");
    await darkPage.screenshot({ path: join(OUT, "dark-90-days.png") });

    console.log(
      `Expiry timeline, ${COUNT} certificates (${first.bars} bars in the DOM after virtualisation), Chromium ${browser.version()}, 1280×800`,
    );
    console.log(
      `first render: ${ms(first.committed!)} to commit (React render ${ms(first.reactRender!)}, of which grouping the certificates into lanes ≈ ${ms(prep.prepare)} measured alone on a fresh page), ${ms(first.painted!)} to first paint`,
    );
    console.log(
      `zoom step (median of ${ZOOM_STEPS}, in/out alternating): ${ms(median(steps.map((s) => s.committed)))} to commit (React render ${ms(median(steps.map((s) => s.reactRender)))}), ${ms(median(steps.map((s) => s.painted)))} to next paint; max ${ms(Math.max(...steps.map((s) => s.painted)))}`,
    );
    console.log(
      `layouts per zoom step: median ${median(steps.map((s) => s.layouts))}, style recalcs: median ${median(steps.map((s) => s.styles))}`,
    );
    console.log(
      `screenshots: ${join(OUT, "first-render.png")}, after-zoom.png, dark-90-days.png (300 certificates, keyboard focus)`,
    );
  } finally {
    await browser.close();
    close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
