import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchPlan } from "./scripts/lib/chromium.cjs";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;
const chromium = chromiumLaunchPlan() as { executablePath: string; env: Record<string, string> };

/** A real Chromium, started without network chatter (see `launchOptions.args`). */
const chromiumUse = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: chromium.executablePath,
    env: { ...process.env, ...chromium.env } as Record<string, string>,
    // Offline machine: no background networking, no sandbox as root (docs/architecture.md, "Platform pitfalls").
    args: [
      "--no-sandbox",
      "--no-zygote",
      "--disable-dev-shm-usage",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
      "--no-first-run",
    ],
  },
};

// Time limits are bounds for a busy 2-core machine (another build running beside the suite), not
// expectations of speed: every wait is for an event (a text, a URL, an answer), never for time.
export default defineConfig({
  testDir: "e2e",
  timeout: 90_000,
  expect: { timeout: 20_000 },
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [["list"], ["json", { outputFile: ".cache/playwright-results.json" }]],
  outputDir: "test-results",
  globalSetup: "./e2e/global-setup.ts",
  use: { baseURL, trace: "retain-on-failure", screenshot: "only-on-failure" },
  projects: [
    // Signs in once per role (admin, operator, viewer) and saves the sessions the journeys reuse.
    { name: "setup", testMatch: /auth\.setup\.ts$/, use: chromiumUse },
    { name: "chromium", dependencies: ["setup"], use: chromiumUse },
  ],
  webServer: [
    {
      // The vendor sandbox, with its test control routes, on ports of its own (a demo may be running).
      command: "tsx sandbox/main.ts",
      url: "http://127.0.0.1:4610/__sandbox/requests",
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: "pipe",
      env: {
        SANDBOX_HOST: "127.0.0.1",
        SANDBOX_PORT_UIPATH: "4610",
        SANDBOX_PORT_CLOUDFLARE: "4611",
        SANDBOX_PORT_HUAWEI: "4612",
        SANDBOX_PORT_ISSUERS: "4613",
        SANDBOX_DATA_DIR: ".cache/e2e-sandbox",
        SANDBOX_CONTROL: "1",
      },
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    },
    {
      command: "node scripts/e2e-server.mjs",
      url: `${baseURL}/login`,
      reuseExistingServer: false,
      // Starts PostgreSQL, migrates, seeds and starts the standalone server.js of the suite's build (.next-test/).
      timeout: 300_000,
      stdout: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    },
  ],
});
