// `npm run demo`: the dashboard on a production build, the vendor sandbox with its demo data,
// and demo users — on a fresh machine with nothing but Node. Data lives in .trustdeck/ and
// survives restarts; a second run skips the build when no source changed.
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
import { join, relative } from "node:path";
import { ROOT, run, start, waitForUrl } from "./lib/processes.mjs";

const DATA = join(ROOT, process.env.TRUSTDECK_DATA_DIR ?? ".trustdeck");
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

async function startSandbox() {
  const dataDir = join(DATA, "sandbox");
  const connectionsFile = join(dataDir, "connections.json");
  const before = existsSync(connectionsFile) ? statSync(connectionsFile).mtimeMs : 0;
  const sandbox = start("tsx", ["sandbox/main.ts"], {
    env: { SANDBOX_DATA_DIR: dataDir },
    onLine: (line) => process.stdout.write(`[sandbox] ${line}\n`),
  });
  const deadline = Date.now() + 60_000;
  while (!(existsSync(connectionsFile) && statSync(connectionsFile).mtimeMs > before)) {
    if (sandbox.child.exitCode !== null)
      throw new Error("the sandbox exited during start-up (see its output above)");
    if (Date.now() > deadline) throw new Error("the sandbox did not write its demo connections within 60 s");
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    sandbox,
    connections: JSON.parse(readFileSync(connectionsFile, "utf8")),
    caFile: join(dataDir, "ca.pem"),
  };
}

async function main() {
  const secrets = demoSecrets();
  const { sandbox, connections, caFile } = await startSandbox();
  let dashboard;
  const stopAll = async () => {
    await dashboard?.stop();
    await sandbox.stop();
    process.exit(0);
  };
  process.on("SIGINT", stopAll);
  process.on("SIGTERM", stopAll);

  await buildIfNeeded();
  const env = {
    NEXT_TELEMETRY_DISABLED: "1",
    PGLITE_DIR: join(DATA, "db"),
    NEXTAUTH_URL: URL_BASE,
    NODE_EXTRA_CA_CERTS: caFile,
    // The sandbox's OIDC issuers live on localhost: let the issuer preflight reach them.
    ISSUER_PREFLIGHT_ALLOW_PRIVATE: "localhost",
    ...secrets,
  };
  const seedFile = join(DATA, "demo-seed.json");
  writeFileSync(seedFile, JSON.stringify({ users: DEMO_USERS, connections }, null, 2), { mode: 0o600 });
  if ((await run("tsx", ["--conditions=react-server", "scripts/seed.ts", seedFile], { env })) !== 0)
    throw new Error("seeding the demo database failed");

  dashboard = start("next", ["start", "-H", HOST, "-p", String(PORT)], {
    env,
    onLine: (line) => process.stdout.write(`[dashboard] ${line}\n`),
  });
  await waitForUrl(`${URL_BASE}/login`);
  console.log(`
  Trustdeck demo is running.

    Dashboard   ${URL_BASE}
    Sign in     admin / trustdeck-demo-admin      (also operator / trustdeck-demo-operator, viewer / trustdeck-demo-viewer)
    Data        ${relative(ROOT, DATA)}/  (delete it to start over)

  Press Ctrl+C to stop.
`);
  const code = await dashboard.exited;
  await sandbox.stop();
  process.exit(code ?? 0);
}

main().catch((error) => {
  console.error(`demo: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
