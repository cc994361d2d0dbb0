import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { Client } from "pg";
import { SUITE_DIST_DIR } from "../scripts/lib/build-dirs.cjs";
import { LONG_JOURNEY_TIMEOUT, SERVER_BOOT_TIMEOUT } from "./support/timeouts";

// The production artefact the Dockerfile ships: `output: "standalone"` builds a self-contained
// server (<distDir>/standalone/server.js). Boot it against the suite's real PostgreSQL (the
// embedded one scripts/e2e-server.mjs started, or E2E_DATABASE_URL) and ask it whether it is ready.
// The suite's build (.next-test/), the one scripts/e2e-server.mjs serves too.
const serverJs = path.resolve(SUITE_DIST_DIR, "standalone", "server.js");
const port = Number(process.env.E2E_PORT ?? 3100) + 50;

function adminUrl(): URL {
  if (process.env.E2E_DATABASE_URL) return new URL(process.env.E2E_DATABASE_URL);
  // scripts/lib/embedded-postgres.mjs: user postgres, password trustdeck-test, on E2E_PG_PORT.
  return new URL(`postgres://postgres:trustdeck-test@127.0.0.1:${process.env.E2E_PG_PORT ?? 54330}/postgres`);
}

async function admin(sql: string, database?: string): Promise<unknown[]> {
  const url = adminUrl();
  if (database) url.pathname = `/${database}`;
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

test.describe("standalone server", () => {
  let server: ChildProcess | undefined;
  const database = `trustdeck_standalone_${randomBytes(4).toString("hex")}`;

  test.afterEach(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
    }
    await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  });

  test("boots from the build on a fresh PostgreSQL, migrates it, creates the first admin from its settings and answers ready", async () => {
    test.setTimeout(LONG_JOURNEY_TIMEOUT); // boots and migrates a second server
    expect(existsSync(serverJs), `${serverJs} (is output: "standalone" set?)`).toBe(true);
    await admin(`CREATE DATABASE "${database}"`);
    const url = adminUrl();
    url.pathname = `/${database}`;
    // The container's way to its first admin: a username and a password file (no checkout needed).
    const secrets = mkdtempSync(path.join(tmpdir(), "trustdeck-standalone-"));
    const password = `first-admin-${randomBytes(8).toString("hex")}`;
    writeFileSync(path.join(secrets, "admin-password"), `${password}\n`, { mode: 0o600 });
    let output = "";
    server = spawn(process.execPath, [serverJs], {
      cwd: path.dirname(serverJs),
      env: {
        PATH: process.env.PATH,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        PORT: String(port),
        HOSTNAME: "127.0.0.1",
        DATABASE_URL: url.toString(),
        NEXTAUTH_URL: `http://127.0.0.1:${port}`,
        NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
        TRUSTDECK_ENCRYPTION_KEY: randomBytes(32).toString("base64url"),
        INVENTORY_REFRESH_INTERVAL_MINUTES: "0",
        TRUSTDECK_BOOTSTRAP_ADMIN_USERNAME: "first-admin",
        TRUSTDECK_BOOTSTRAP_ADMIN_PASSWORD_FILE: path.join(secrets, "admin-password"),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    server.stdout!.on("data", (chunk) => (output += chunk));
    server.stderr!.on("data", (chunk) => (output += chunk));

    await expect
      .poll(
        async () => {
          const response = await fetch(`http://127.0.0.1:${port}/api/ready`).catch(() => null);
          return response ? { status: response.status, body: await response.json() } : null;
        },
        { timeout: SERVER_BOOT_TIMEOUT, message: `standalone server output:\n${output}` },
      )
      .toEqual({
        status: 200,
        body: { ready: true, checks: { database: "ok", migrations: "applied", scheduler: "running" } },
      });
    const login = await fetch(`http://127.0.0.1:${port}/login`);
    expect(login.status).toBe(200);
    expect(await login.text()).toContain("Trustdeck");
    rmSync(secrets, { recursive: true, force: true });
    expect(await admin("SELECT username, role FROM users", database)).toEqual([
      { username: "first-admin", role: "admin" },
    ]);
    expect(output).toContain("[bootstrap] created the first admin, first-admin");
    expect(output).not.toContain(password);
  });
});
