// Finds a real Chromium for Playwright without downloading anything: an explicit CHROMIUM_PATH,
// Debian's /usr/bin/chromium, Playwright's own browser if one was installed, and finally the
// Chromium packed inside the `@sparticuz/chromium` npm package (docs/architecture.md, "Platform pitfalls").
// CommonJS so that both Playwright's config loader and the .mjs scripts can load it.
const { existsSync, mkdirSync, readFileSync, writeFileSync } = require("node:fs");
const { join, resolve } = require("node:path");
const { brotliDecompressSync } = require("node:zlib");
const { spawnSync } = require("node:child_process");

const ROOT = resolve(__dirname, "..", "..");

/** The package's root folder; its exports map hides package.json from require.resolve. */
function sparticuzPackageDir() {
  try {
    return resolve(require.resolve("@sparticuz/chromium"), "..", "..", "..");
  } catch {
    return null; // optional dependency absent (not Linux x64)
  }
}

function sparticuzDir() {
  const pkg = sparticuzPackageDir();
  if (!pkg) return null;
  const { version } = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8"));
  // A versioned folder of our own: the package's default ($TMPDIR/chromium) is reused by existence alone.
  return join(ROOT, "node_modules", ".cache", `sparticuz-${version}`);
}

function playwrightChromium() {
  try {
    const { chromium } = require("@playwright/test");
    const path = chromium.executablePath();
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/**
 * Decide, synchronously, which Chromium Playwright launches and with what environment.
 * The sparticuz build is unpacked later by `ensureChromium()` (Playwright's globalSetup).
 * @returns {{ source: string, executablePath: string, env: Record<string, string> }}
 */
function chromiumLaunchPlan() {
  if (process.env.CHROMIUM_PATH)
    return { source: "CHROMIUM_PATH", executablePath: process.env.CHROMIUM_PATH, env: {} };
  if (existsSync("/usr/bin/chromium"))
    return { source: "debian", executablePath: "/usr/bin/chromium", env: {} };
  const own = playwrightChromium();
  if (own) return { source: "playwright", executablePath: own, env: {} };
  const dir = sparticuzDir();
  if (!dir)
    throw new Error(
      "No Chromium found: set CHROMIUM_PATH, install Debian's chromium, or install on Linux x64 so that @sparticuz/chromium is present.",
    );
  return {
    source: "@sparticuz/chromium",
    executablePath: join(dir, "chromium"),
    env: {
      LD_LIBRARY_PATH: [join(dir, "lib"), process.env.LD_LIBRARY_PATH].filter(Boolean).join(":"),
      FONTCONFIG_FILE: join(dir, "fonts.conf"),
    },
  };
}

/** Unpack the sparticuz Chromium (once; concurrent unpacks fail with ETXTBSY) and return the plan. */
async function ensureChromium() {
  const plan = chromiumLaunchPlan();
  if (plan.source !== "@sparticuz/chromium" || existsSync(plan.executablePath)) return plan;
  const dir = sparticuzDir();
  mkdirSync(dir, { recursive: true });
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = dir; // the package unpacks into os.tmpdir()
  try {
    const chromium = require("@sparticuz/chromium");
    await (chromium.default ?? chromium).executablePath();
  } finally {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
  }
  // libnss3, libnspr4 and libexpat are missing on minimal images; the package ships them.
  const binDir = join(sparticuzPackageDir(), "bin");
  const libs = brotliDecompressSync(readFileSync(join(binDir, "al2023.tar.br")));
  const untar = spawnSync("tar", ["-x", "--no-same-owner", "-C", dir], { input: libs });
  if (untar.status !== 0) throw new Error(`unpacking Chromium's libraries failed: ${untar.stderr}`);
  writeFileSync(
    join(dir, "fonts.conf"),
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>/usr/share/fonts</dir>\n  <dir>${join(dir, "fonts")}</dir>\n  <cachedir>${join(dir, "fontcache")}</cachedir>\n</fontconfig>\n`,
  );
  return plan;
}

module.exports = { chromiumLaunchPlan, ensureChromium };
