import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";

/** What `/api/ready` tells: states only, never versions, hosts, counts or error messages. */
export interface Readiness {
  ready: boolean;
  checks: {
    database: "ok" | "unreachable";
    migrations: "applied" | "pending" | "unknown";
    scheduler: "running" | "off" | "not-started";
  };
}

/** How many migrations this build ships (drizzle's journal, read once). */
let shipped: number | undefined;
function shippedMigrations(): number {
  shipped ??= (
    JSON.parse(readFileSync(path.join(process.cwd(), "drizzle", "meta", "_journal.json"), "utf8")) as {
      entries: unknown[];
    }
  ).entries.length;
  return shipped;
}

/**
 * Whether this instance can serve: the database answers, every migration of this build is applied
 * (drizzle records each in `drizzle.__drizzle_migrations`) and the scheduler is in the state its
 * settings ask for. A failure is reported as a state, never with the error's text.
 */
export async function checkReadiness(
  openDb: () => Promise<Database>,
  scheduler: Readiness["checks"]["scheduler"],
): Promise<Readiness> {
  let db: Database;
  try {
    db = await openDb();
    await db.execute(sql`select 1`);
  } catch {
    return { ready: false, checks: { database: "unreachable", migrations: "unknown", scheduler } };
  }
  let migrations: Readiness["checks"]["migrations"];
  try {
    // Both drivers (PGlite, node-postgres) answer raw SQL with `{ rows }`.
    const result = (await db.execute(
      sql`select count(*)::int as applied from drizzle.__drizzle_migrations`,
    )) as unknown as { rows: { applied: number }[] };
    const applied = Number(result.rows[0]?.applied ?? 0);
    migrations = applied >= shippedMigrations() ? "applied" : "pending";
  } catch {
    migrations = "pending";
  }
  return {
    ready: migrations === "applied" && scheduler !== "not-started",
    checks: { database: "ok", migrations, scheduler },
  };
}
