import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { acquirePgliteLock } from "./pglite-lock";
import * as schema from "./schema";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

type Handle = { db: Database; close: () => Promise<void>; engine: "pglite" | "postgres" };

const MIGRATIONS_FOLDER = path.join(process.cwd(), "drizzle");
/** Any constant: serialises migrations when several instances share one PostgreSQL. */
const MIGRATION_LOCK_KEY = 727_465_001;

/**
 * Open a database and bring its schema up to date. PostgreSQL when `databaseUrl` is given,
 * otherwise PGlite in `pgliteDir` (`memory://` for an in-memory database).
 */
export async function openDatabase(options: {
  databaseUrl?: string;
  /** The owner's URL for migrations, when the app itself runs as a least-privilege role. */
  migrationUrl?: string;
  pgliteDir: string;
}): Promise<Handle> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.migrationUrl);
  return openPglite(options.pgliteDir);
}

async function openPostgres(url: string, migrationUrl?: string): Promise<Handle> {
  const { Pool } = await import("pg");
  const pool = new Pool({ connectionString: url, max: 10 });
  // An idle client the server drops (a restart, a failover, an admin ending connections) makes the
  // pool emit "error"; unheard, that would crash the process. The pool replaces the client, and
  // the next query on a dead server fails where it can be answered.
  pool.on("error", (error) => console.warn(`[db] an idle PostgreSQL connection ended: ${error.message}`));
  if (migrationUrl && migrationUrl !== url) {
    const owner = new Pool({ connectionString: migrationUrl, max: 1 });
    await migratePostgres(owner).finally(() => owner.end());
  } else {
    await migratePostgres(pool);
  }
  const { drizzle } = await import("drizzle-orm/node-postgres");
  return {
    db: drizzle(pool, { schema }) as unknown as Database,
    close: () => pool.end(),
    engine: "postgres",
  };
}

async function migratePostgres(pool: import("pg").Pool): Promise<void> {
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const { migrate } = await import("drizzle-orm/node-postgres/migrator");
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await migrate(drizzle(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => undefined);
    client.release();
  }
}

async function openPglite(dir: string): Promise<Handle> {
  const inMemory = dir.startsWith("memory://");
  // One writer per folder: a second process is refused here, before PGlite touches a file.
  const lock = inMemory
    ? undefined
    : acquirePgliteLock(dir, {
        onStale: (owner) =>
          console.warn(
            `[db] taking over the stale lock of ${path.resolve(dir)}` +
              (owner ? ` (process ${owner.pid} on ${owner.hostname} is no longer running)` : ""),
          ),
      });
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const { drizzle } = await import("drizzle-orm/pglite");
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    // PGlite cannot create nested folders itself (docs/architecture.md, "Platform pitfalls").
    if (!inMemory) mkdirSync(dir, { recursive: true });
    const client = await PGlite.create(inMemory ? dir : path.resolve(dir));
    try {
      const db = drizzle(client, { schema });
      await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
      return {
        db: db as unknown as Database,
        close: async () => {
          try {
            await client.close();
          } finally {
            lock?.release();
          }
        },
        engine: "pglite",
      };
    } catch (error) {
      await client.close().catch(() => undefined);
      throw error;
    }
  } catch (error) {
    lock?.release();
    throw error;
  }
}
