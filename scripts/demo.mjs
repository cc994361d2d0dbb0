// `npm run demo`: the dashboard on a production build, the vendor sandbox with its demo data,
// and demo users — on a fresh machine with nothing but Node. Data (the database and the vendor
// sandbox's state) lives in .trustdeck/ and survives restarts; a second run skips the build when no
// source changed and reuses a sandbox still running. A dashboard that stops is restarted while the
// sandbox runs on; any failure stops every process the demo started before it exits.
import { createHash, randomBytes } from "node:crypto";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join, relative, resolve } from "node:path";
import { demoBanner, writeDemoCredentials } from "./lib/demo-banner.mjs";
import { readSandboxInfo, startOrReuseSandbox } from "./lib/demo-sandbox.mjs";
import { sandboxIdpEnv } from "./lib/sandbox-idp-env.mjs";
import { sandboxVendorHostsEnv } from "./lib/sandbox-hosts.mjs";
import { keepRunning } from "./lib/keep-running.mjs";
import { prepareStandalone, standaloneEnv } from "./lib/standalone.mjs";
import { answers, createSupervisor, ROOT, run, TSX_NODE } from "./lib/processes.mjs";

const DATA = resolve(ROOT, process.env.TRUSTDECK_DATA_DIR ?? ".trustdeck");
const PORT = Number(process.env.PORT ?? 3000);
const HOST = process.env.HOST ?? "127.0.0.1";
const URL_BASE = `http://${HOST === "0.0.0.0" ? "127.0.0.1" : HOST}:${PORT}`;
const DEMO_USERS = [
  { username: "admin", displayName: "Demo Admin", role: "admin", password: "trustdeck-demo-admin" },
  {
    username: "operator",
    displayName: "Demo Operator",
    role: "operator",
    password: "trustdeck-demo-operator",
  },
  { username: "viewer", displayName: "Demo Viewer", role: "viewer", password: "trustdeck-demo-viewer" },
];

mkdirSync(DATA, { recursive: true, mode: 0o700 });

/** NEXTAUTH_SECRET and the encryption key, generated once into a file only the owner can read. */
function demoSecrets() {
  const file = join(DATA, "secrets.env");
  if (!existsSync(file)) {
    const lines = [
      `NEXTAUTH_SECRET=${randomBytes(32).toString("base64url")}`,
      `TRUSTDECK_ENCRYPTION_KEY=${randomBytes(32).toString("base64url")}`,
    ];
    writeFileSync(file, `${lines.join("\n")}\n`, { mode: 0o600 });
  }
  chmodSync(file, 0o600);
  return Object.fromEntries(
    readFileSync(file, "utf8")
      .split("\n")
      .filter((line) => line.includes("="))
      .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
  );
}

/** A fingerprint of everything the build depends on, to skip `next build` when nothing changed. */
function sourceFingerprint() {
  const hash = createHash("sha256");
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const stat = statSync(path);
        hash.update(`${relative(ROOT, path)}:${stat.size}:${stat.mtimeMs}\n`);
      }
    }
  };
  for (const dir of ["app", "components", "lib", "public", "drizzle", "types"])
    if (existsSync(join(ROOT, dir))) walk(join(ROOT, dir));
  for (const file of [
    "package-lock.json",
    "next.config.mjs",
    "proxy.ts",
    "postcss.config.mjs",
    "tsconfig.json",
  ])
    if (existsSync(join(ROOT, file))) hash.update(readFileSync(join(ROOT, file)));
  return hash.digest("hex");
}

async function buildIfNeeded() {
  const stamp = join(ROOT, ".next", "trustdeck-source.sha256");
  const fingerprint = sourceFingerprint();
  if (
    existsSync(join(ROOT, ".next", "BUILD_ID")) &&
    existsSync(join(ROOT, ".next", "standalone", "server.js")) &&
    existsSync(stamp) &&
    readFileSync(stamp, "utf8") === fingerprint
  ) {
    console.log("demo: the production build is up to date");
    return;
  }
  console.log("demo: building the dashboard (about a minute on 2 cores)…");
  if ((await run("next", ["build"], { env: { NEXT_TELEMETRY_DISABLED: "1" } })) !== 0)
    throw new Error("next build failed");
  writeFileSync(stamp, fingerprint);
}

/** The dashboard's environment: the database, the secrets, trust in the sandbox's CA, its IdP. */
function dashboardEnv(secrets, caFile, sandboxDir) {
  return {
    NEXT_TELEMETRY_DISABLED: "1",
    PGLITE_DIR: join(DATA, "db"),
    NEXTAUTH_URL: URL_BASE,
    NODE_EXTRA_CA_CERTS: caFile,
    // The sandbox's OIDC issuers live on localhost: let the issuer preflight reach them.
    ISSUER_PREFLIGHT_ALLOW_PRIVATE: "localhost",
    ...sandboxIdpEnv(sandboxDir),
    // Connections may reach the sandbox's vendor hosts (127.0.0.1:<port>), and only those custom hosts.
    ...sandboxVendorHostsEnv(sandboxDir),
    ...secrets,
  };
}

/** Starts the dashboard (the standalone server) and waits for its sign-in page; fails if it exits first. */
async function startDashboard(supervisor, env) {
  const serverJs = prepareStandalone(".next");
  const dashboard = supervisor.start("the dashboard", process.execPath, [serverJs], {
    env: { ...env, ...standaloneEnv(HOST, PORT) },
    onLine: (line) => process.stdout.write(`[dashboard] ${line}\n`),
  });
  const deadline = Date.now() + 60_000;
  while (!(await answers(`${URL_BASE}/login`))) {
    if (dashboard.child.exitCode !== null || dashboard.child.signalCode !== null)
      throw new Error(`the dashboard exited during start-up (see its output above; is port ${PORT} taken?)`);
    if (Date.now() > deadline) throw new Error(`the dashboard did not answer at ${URL_BASE} within 60 s`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return dashboard;
}

async function main() {
  const secrets = demoSecrets();
  const supervisor = createSupervisor();
  let stopping = false;
  const stopAll = async (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`\ndemo: ${signal}: stopping ${supervisor.describe().join(", ") || "nothing"}…`);
    await supervisor.stopAll();
    process.exit(0);
  };
  process.on("SIGINT", () => void stopAll("SIGINT"));
  process.on("SIGTERM", () => void stopAll("SIGTERM"));

  try {
    const sandboxDir = join(DATA, "sandbox");
    const sandbox = await startOrReuseSandbox(supervisor, { dataDir: sandboxDir });
    const env = dashboardEnv(secrets, sandbox.caFile, sandboxDir);
    const seedFile = join(DATA, "demo-seed.json");
    writeFileSync(
      seedFile,
      JSON.stringify({ users: DEMO_USERS, connections: sandbox.connections }, null, 2),
      {
        mode: 0o600,
      },
    );
    const seedArgs = [...TSX_NODE.slice(1), "--conditions=react-server", "scripts/seed.ts", seedFile];
    if ((await run(TSX_NODE[0], seedArgs, { env })) !== 0)
      throw new Error("seeding the demo database failed (see its output above)");
    await buildIfNeeded();

    await keepRunning({
      name: "the dashboard",
      stopping: () => stopping,
      start: async (attempt) => {
        // The vendor sandbox runs on; one that stopped meanwhile is started again with its saved state.
        if (attempt > 0) await startOrReuseSandbox(supervisor, { dataDir: sandboxDir });
        const dashboard = await startDashboard(supervisor, env);
        if (attempt === 0) printBanner(sandboxDir);
        else console.log(`demo: the dashboard is back at ${URL_BASE}`);
        return dashboard;
      },
    });
  } catch (error) {
    if (stopping) return;
    stopping = true;
    const started = supervisor.describe();
    await supervisor.stopAll();
    console.error(`demo: ${error instanceof Error ? error.message : error}`);
    console.error(
      started.length
        ? `demo: stopped every process it had started: ${started.join(", ")}`
        : "demo: no process of its own was left running",
    );
    process.exit(1);
  }
}

/** A path relative to the repository when it lies inside it, else absolute. */
function shownPath(path) {
  const rel = relative(ROOT, path);
  return rel && !rel.startsWith("..") ? rel : path;
}

/** Writes the logins to a file only the owner can read, and prints where it is (not the logins). */
function printBanner(sandboxDir) {
  const credentialsFile = join(DATA, "credentials.txt");
  const idp = readSandboxInfo(sandboxDir)?.idp;
  writeDemoCredentials(credentialsFile, { url: URL_BASE, users: DEMO_USERS, idp });
  console.log(
    demoBanner({
      url: URL_BASE,
      credentialsFile: shownPath(credentialsFile),
      caFile: shownPath(join(sandboxDir, "ca.pem")),
      dataDir: shownPath(DATA),
    }),
  );
}

main().catch((error) => {
  console.error(`demo: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
