// The dashboard as the end-to-end suite meets it: the production build's standalone server on a fresh
// PostgreSQL database, seeded with the e2e users. Playwright starts this as its webServer and
// stops it by process id; SIGTERM stops Next.js and the embedded PostgreSQL. It serves the
// suite's own build folder (`.next-test/`, scripts/lib/build-dirs.cjs), never the demo's `.next/`.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, start, run, waitForUrl } from "./lib/processes.mjs";
import { startEmbeddedPostgres } from "./lib/embedded-postgres.mjs";
import { sandboxIdpEnv } from "./lib/sandbox-idp-env.mjs";
import { sandboxVendorHostsEnv } from "./lib/sandbox-hosts.mjs";
import { SUITE_DIST_DIR, suiteBuildEnv } from "./lib/build-dirs.cjs";
import { prepareStandalone, standaloneEnv } from "./lib/standalone.mjs";

if (!existsSync(join(ROOT, SUITE_DIST_DIR, "BUILD_ID"))) {
  console.error(
    `No test build in ${SUITE_DIST_DIR}/: run \`NEXT_DIST_DIR=${SUITE_DIST_DIR} npx next build\` first (npm test does).`,
  );
  process.exit(1);
}

const port = Number(process.env.E2E_PORT ?? 3100);
const baseUrl = `http://127.0.0.1:${port}`;

let pg;
let databaseUrl = process.env.E2E_DATABASE_URL;
if (!databaseUrl) {
  pg = await startEmbeddedPostgres({
    port: Number(process.env.E2E_PG_PORT ?? 54330),
    dir: ".cache/postgres-e2e",
  });
  await pg.createDatabase("trustdeck_e2e");
  databaseUrl = pg.url("trustdeck_e2e");
}

// Playwright starts the sandbox first; its demo connections are seeded next to the e2e users.
const sandboxDir = join(ROOT, ".cache", "e2e-sandbox");
const sandboxConnections = existsSync(join(sandboxDir, "connections.json"))
  ? JSON.parse(readFileSync(join(sandboxDir, "connections.json"), "utf8"))
  : [];
const seedFile = join(ROOT, ".cache", "e2e-seed.json");
const users = JSON.parse(readFileSync(join(ROOT, "e2e", "fixtures", "seed.json"), "utf8")).users;
writeFileSync(seedFile, JSON.stringify({ users, connections: sandboxConnections }), { mode: 0o600 });

const env = {
  ...suiteBuildEnv,
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_URL: databaseUrl,
  NEXTAUTH_URL: baseUrl,
  NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
  TRUSTDECK_ENCRYPTION_KEY: randomBytes(32).toString("base64url"),
  // Fast lockouts keep the throttling journey short; the default is 5 failures / 15 minutes.
  SIGNIN_MAX_FAILURES: "5",
  NODE_EXTRA_CA_CERTS: join(sandboxDir, "ca.pem"),
  // The sandbox's OIDC issuers live on localhost: let the issuer preflight reach them.
  ISSUER_PREFLIGHT_ALLOW_PRIVATE: "localhost",
  ALERT_WEBHOOK_ALLOW_PRIVATE: "127.0.0.1", // the alerts journey's webhook receiver runs in the test
  INVENTORY_REFRESH_INTERVAL_MINUTES: "0", // no background vendor reads racing the specs' sandbox faults
  // The suite signs in once per role (storageState) and reuses those sessions for the whole run.
  SESSION_IDLE_MINUTES: "480",
  // The specs reset the sandbox and inject faults between page loads, faster than any real vendor
  // changes: every page load reads live (reads in flight are still shared).
  VENDOR_READ_CACHE_SECONDS: "0",
  // The sandbox's OIDC IdP is the dashboard's single sign-on, the role taken from the `groups` claim.
  ...sandboxIdpEnv(sandboxDir),
  // Connections may reach the sandbox's vendor hosts (127.0.0.1:<port>), and only those custom
  // hosts, plus a port nobody listens on: a listed gateway that is down (connection-test.spec.ts).
  TRUSTDECK_CUSTOM_VENDOR_HOSTS: [
    sandboxVendorHostsEnv(sandboxDir).TRUSTDECK_CUSTOM_VENDOR_HOSTS,
    "127.0.0.1:9",
  ]
    .filter(Boolean)
    .join(","),
};

const seeded = await run("tsx", ["--conditions=react-server", "scripts/seed.ts", seedFile], { env });
if (seeded !== 0) {
  await pg?.stop();
  process.exit(seeded);
}

// The artefact the Dockerfile ships (`next start` warns under output: "standalone").
const serverJs = prepareStandalone(SUITE_DIST_DIR);
const next = start(process.execPath, [serverJs], { env: { ...env, ...standaloneEnv("127.0.0.1", port) } });
const stopAll = async () => {
  await next.stop();
  await pg?.stop();
  process.exit(0);
};
process.on("SIGTERM", stopAll);
process.on("SIGINT", stopAll);
next.exited.then(async (code) => {
  await pg?.stop();
  process.exit(code ?? 1);
});
await waitForUrl(`${baseUrl}/login`, 240_000); // a bound for a busy machine, not an expectation
console.log(`e2e dashboard ready at ${baseUrl}`);
