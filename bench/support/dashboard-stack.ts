// A whole dashboard for benches: the vendor sandbox (its own process, demo tenants), a fresh
// PGlite database seeded with one admin and the sandbox's connections, and the standalone server of an
// existing production build. Signs in over HTTP and returns the session cookie. Everything it
// starts it stops by process id. Used by bench/lighthouse.ts and bench/load.ts.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { prepareStandalone, standaloneEnv } from "../../scripts/lib/standalone.mjs";

const ROOT = resolve(__dirname, "..", "..");
const BIN = join(ROOT, "node_modules", ".bin");
const ADMIN = {
  username: "bench-admin",
  displayName: "Bench Admin",
  role: "admin",
  password: randomPassword(),
};

function randomPassword(): string {
  return randomBytes(18).toString("base64url");
}

export interface DashboardStack {
  baseUrl: string;
  /** The `Cookie` header of a signed-in admin. */
  cookie: string;
  /** The origin of the sandbox's control routes (request log, stats). */
  sandboxControl: string;
  /** Process id of the Next.js server (for its memory). */
  serverPid: number;
  /** Bearer token of the server's /api/metrics (its V8 heap, for the load bench). */
  metricsToken: string;
  /** Signs in again (another user session) and returns its `Cookie` header. */
  signIn: () => Promise<string>;
  stop: () => Promise<void>;
}

export interface StackOptions {
  port: number;
  /** The production build to serve (NEXT_DIST_DIR), e.g. ".next-test". */
  distDir: string;
  /** Keep the sandbox's documented vendor rate limits (the load bench counts rate-limited pages). */
  rateLimits: boolean;
  /** Adds one Cloudflare account with this many certificate sets beside the demo tenants. */
  largeSets?: number;
  /** Extra environment of the dashboard (e.g. VENDOR_READ_CACHE_SECONDS). */
  env?: Record<string, string>;
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const killer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(killer);
      done();
    });
    child.kill("SIGTERM");
  });
}

async function startSandbox(rateLimits: boolean, largeSets = 0) {
  const child = spawn(
    process.execPath,
    ["--expose-gc", "--import", "tsx", join(ROOT, "bench", "sandbox-load-server.ts")],
    {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "inherit"],
      env: {
        ...process.env,
        BENCH_SANDBOX_RATE_LIMITS: rateLimits ? "1" : "0",
        BENCH_SANDBOX_LARGE_SETS: String(largeSets),
      },
    },
  );
  for await (const line of createInterface({ input: child.stdout! })) {
    if (line.startsWith("{"))
      return { child, ready: JSON.parse(line) as { urls: Record<string, string>; demo: unknown[] } };
  }
  throw new Error("the sandbox exited before it was ready");
}

async function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const child = spawn(command, args, { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"], env });
  const code = await new Promise<number | null>((done) => child.once("exit", done));
  if (code !== 0) throw new Error(`${command} ${args.join(" ")} exited with ${code}`);
}

async function waitForUrl(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url, { redirect: "manual" })).status < 500) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const cookiesOf = (response: Response) => response.headers.getSetCookie().map((c) => c.split(";")[0]!);

/** next-auth v4's credentials sign-in over HTTP: CSRF token, then the callback; returns cookies. */
async function signInOverHttp(baseUrl: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const jar = cookiesOf(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: jar.join("; "),
      origin: baseUrl,
    },
    body: new URLSearchParams({
      csrfToken,
      username: ADMIN.username,
      password: ADMIN.password,
      json: "true",
    }),
  });
  const cookies = [...jar, ...cookiesOf(response)];
  if (!cookies.some((c) => c.includes("session-token")))
    throw new Error(`sign-in failed: HTTP ${response.status} ${await response.text()}`);
  return cookies.join("; ");
}

/** Waits until the inventory refresh run has finished (the list pages render from it). */
async function waitForRefresh(baseUrl: string, cookie: string, runId: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const response = await fetch(`${baseUrl}/api/inventory/refresh?run=${runId}`, { headers: { cookie } });
    const body = (await response.json()) as { data?: { run?: { finishedAt: string | null } | null } };
    if (body.data?.run?.finishedAt) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the inventory refresh did not finish within 120 s");
}

/** Starts sandbox, database and dashboard; signs in; fills the inventory once. */
export async function startDashboardStack(options: StackOptions): Promise<DashboardStack> {
  if (!existsSync(join(ROOT, options.distDir, "BUILD_ID")))
    throw new Error(
      `No build in ${options.distDir}/: run \`NEXT_DIST_DIR=${options.distDir} npx next build\` first.`,
    );
  const children: ChildProcess[] = [];
  const dataDir = join(ROOT, ".cache", `bench-stack-${process.pid}`);
  const stop = async () => {
    for (const child of children.reverse()) await stopChild(child);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const sandbox = await startSandbox(options.rateLimits, options.largeSets);
    children.push(sandbox.child);
    mkdirSync(dataDir, { recursive: true });
    const seedFile = join(dataDir, "seed.json");
    writeFileSync(seedFile, JSON.stringify({ users: [ADMIN], connections: sandbox.ready.demo }), {
      mode: 0o600,
    });
    const baseUrl = `http://127.0.0.1:${options.port}`;
    const metricsToken = randomBytes(24).toString("base64url");
    const env = {
      ...process.env,
      PATH: `${BIN}:${process.env.PATH}`,
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_DIST_DIR: options.distDir,
      PGLITE_DIR: join(dataDir, "db"),
      DATABASE_URL: "",
      NEXTAUTH_URL: baseUrl,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      TRUSTDECK_ENCRYPTION_KEY: randomBytes(32).toString("base64url"),
      INVENTORY_REFRESH_INTERVAL_MINUTES: "0", // one refresh below, none racing the measurement
      SESSION_IDLE_MINUTES: "480",
      METRICS_TOKEN: metricsToken,
      // Connections may reach exactly the sandbox's vendor hosts, as in the demo and e2e runs.
      TRUSTDECK_CUSTOM_VENDOR_HOSTS: Object.entries(sandbox.ready.urls)
        .filter(([service]) => service !== "issuers")
        .map(([, url]) => new URL(url).host)
        .join(","),
      ...options.env,
    };
    await run(
      process.execPath,
      ["--import", "tsx", "--conditions=react-server", "scripts/seed.ts", seedFile],
      env,
    );
    // The standalone server.js the Dockerfile ships (`next start` warns under output: "standalone").
    const server = spawn(process.execPath, [prepareStandalone(options.distDir)], {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...env, ...standaloneEnv("127.0.0.1", options.port) },
    });
    children.push(server);
    await waitForUrl(`${baseUrl}/login`, 120_000);
    const cookie = await signInOverHttp(baseUrl);
    const refresh = await fetch(`${baseUrl}/api/inventory/refresh`, {
      method: "POST",
      headers: { cookie, origin: baseUrl },
    });
    if (!refresh.ok) throw new Error(`inventory refresh: HTTP ${refresh.status} ${await refresh.text()}`);
    await waitForRefresh(baseUrl, cookie, ((await refresh.json()) as { data: { runId: string } }).data.runId);
    return {
      baseUrl,
      cookie,
      sandboxControl: new URL(sandbox.ready.urls.uipath!).origin,
      serverPid: server.pid!,
      metricsToken,
      signIn: () => signInOverHttp(baseUrl),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A command-line flag `--name=value`, or undefined. */
export function flag(name: string): string | undefined {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}
