// `npm test`: the whole suite in the order that fails fastest — format check, lint, typecheck, Vitest (unit,
// then database tests on PGlite and a real PostgreSQL), production build, Playwright in a real
// Chromium. Every step runs even if an earlier one failed, so one run shows everything; the
// last line is the total over Vitest and Playwright for CI: `N passed, N failed`.
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ROOT, run } from "./lib/processes.mjs";
import { suiteBuildEnv } from "./lib/build-dirs.cjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const cache = join(ROOT, ".cache");
mkdirSync(cache, { recursive: true });
const vitestReport = join(cache, "vitest-results.json");
const playwrightReport = join(cache, "playwright-results.json");
for (const file of [vitestReport, playwrightReport]) rmSync(file, { force: true });

const steps = [];
async function step(name, command, args, env = {}) {
  const started = Date.now();
  console.log(`\n━━ ${name} ━━`);
  const code = await run(command, args, { env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  steps.push({ name, ok: code === 0, seconds });
  console.log(`━━ ${name}: ${code === 0 ? "ok" : `failed (exit ${code})`} in ${seconds} s`);
  return code === 0;
}

function readJson(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null;
}

await step("format", "prettier", ["--check", "."]);
await step("lint", "eslint", ["--max-warnings=0"]);
await step("typecheck", "tsc", ["--noEmit"]);
await step("vitest", "vitest", [
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${vitestReport}`,
]);
// Into `.next-test/`, which scripts/e2e-server.mjs serves: a running demo keeps its `.next/`.
const built = await step("build", "next", ["build"], suiteBuildEnv);
if (built) await step("playwright", "playwright", ["test"]);
else steps.push({ name: "playwright", ok: false, seconds: "0", skipped: "the build failed" });

const vitest = readJson(vitestReport);
const playwright = readJson(playwrightReport);
// The step's exit code alone is not trusted: a step whose report shows failures failed.
for (const [name, report, failures] of [
  ["vitest", vitest, vitest?.numFailedTests],
  ["playwright", playwright, playwright?.stats?.unexpected],
]) {
  const s = steps.find((candidate) => candidate.name === name);
  if (s && (!report || failures > 0)) s.ok = false;
}
const vitestPassed = vitest?.numPassedTests ?? 0;
const vitestFailed = (vitest?.numFailedTests ?? 0) + (vitest ? 0 : 1);
const pwPassed = (playwright?.stats?.expected ?? 0) + (playwright?.stats?.flaky ?? 0);
const pwFailed = (playwright?.stats?.unexpected ?? 0) + (playwright ? 0 : 1);
// A gate that failed without tests to show for it (lint, typecheck, build) counts as one failure,
// so that a broken build can never print "0 failed".
const gateFailures = steps.filter(
  (s) => ["format", "lint", "typecheck", "build"].includes(s.name) && !s.ok,
).length;

console.log("\n━━ summary ━━");
for (const s of steps)
  console.log(
    `${s.ok ? "✓" : "✗"} ${s.name.padEnd(10)} ${s.seconds.padStart(6)} s${s.skipped ? ` (skipped: ${s.skipped})` : ""}`,
  );
console.log(
  `vitest: ${vitestPassed} passed, ${vitestFailed} failed · playwright: ${pwPassed} passed, ${pwFailed} failed${gateFailures ? ` · ${gateFailures} gate(s) failed` : ""}`,
);
const passed = vitestPassed + pwPassed;
const failed = vitestFailed + pwFailed + gateFailures;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && steps.every((s) => s.ok) ? 0 : 1);
