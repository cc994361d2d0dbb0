// Parses the same 200-certificate bundle as bench/x509-parse.ts, but in Chromium: lib/x509 is
// bundled by esbuild for the browser (as the certificate input loads it) and run in a page served
// from 127.0.0.1. Prints medians; asserts nothing. Run: npx tsx bench/x509-chromium.ts
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { build } from "esbuild";
import { chromium } from "@playwright/test";
import { buildBundle, COUNT } from "./x509-bundle";
// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS helper shared with the Playwright config
const { ensureChromium } = require("../scripts/lib/chromium.cjs") as {
  ensureChromium: () => Promise<{ executablePath: string; env: Record<string, string> }>;
};

const ROUNDS = 7;
const ROOT = resolve(__dirname, "..");

const HARNESS = `
import "@abraham/reflection";
import { decodeCertificates } from "@/lib/x509/decode";
import { summarizeCertificate } from "@/lib/x509/summary";
import { orderCertificateChain } from "@/lib/x509/chain";
window.parseBundle = async (text) => {
  const t0 = performance.now();
  const result = decodeCertificates(text, { maxBytes: 2 * 1024 * 1024 });
  const t1 = performance.now();
  if (!result.ok) throw new Error(result.error.message);
  await Promise.all(result.certificates.map(summarizeCertificate));
  const t2 = performance.now();
  await orderCertificateChain(result.certificates);
  const t3 = performance.now();
  return { count: result.certificates.length, decode: t1 - t0, summarize: t2 - t1, chain: t3 - t2 };
};`;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main() {
  const script = await build({
    stdin: { contents: HARNESS, resolveDir: ROOT, loader: "ts" },
    bundle: true,
    minify: true,
    format: "iife",
    write: false,
    alias: { "@": ROOT },
    logLevel: "warning",
  });
  const js = script.outputFiles[0]!.text;
  const server = createServer((request, response) => {
    if (request.url === "/harness.js")
      return void response.writeHead(200, { "content-type": "text/javascript" }).end(js);
    response
      .writeHead(200, { "content-type": "text/html" })
      .end('<!doctype html><script src="/harness.js"></script>');
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
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    const bundle = await buildBundle();
    const runs: { count: number; decode: number; summarize: number; chain: number }[] = [];
    for (let round = 0; round < ROUNDS; round++)
      runs.push(
        await page.evaluate(
          (text) =>
            (window as unknown as { parseBundle: (t: string) => Promise<(typeof runs)[number]> }).parseBundle(
              text,
            ),
          bundle,
        ),
      );
    if (runs.some((run) => run.count !== COUNT))
      throw new Error("the page decoded the wrong number of certificates");
    console.log(
      `x509-chromium (Chromium ${browser.version()}): ${COUNT}-certificate PEM bundle, ${Math.round(bundle.length / 1024)} KB, lib/x509 bundle ${Math.round(js.length / 1024)} KB minified, median of ${ROUNDS} rounds`,
    );
    console.log(
      `  decodeCertificates:          ${median(runs.map((r) => r.decode)).toFixed(1)} ms (first round ${runs[0]!.decode.toFixed(1)} ms)`,
    );
    console.log(`  summarizeCertificate x ${COUNT}:  ${median(runs.map((r) => r.summarize)).toFixed(1)} ms`);
    console.log(`  orderCertificateChain:       ${median(runs.map((r) => r.chain)).toFixed(1)} ms`);
  } finally {
    await browser.close();
    server.close();
  }
}

void main();
