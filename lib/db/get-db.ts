import "server-only";
import { getEnv } from "@/lib/env";
import { openDatabase, type Database } from "./client";

// One database handle per server process, kept on globalThis so that dev-mode module reloads do
// not open a second PGlite on the same folder (it has no cross-process lock; pitfall 8).
const holder = globalThis as typeof globalThis & { __trustdeckDb?: Promise<Database> };

/** The process-wide database, opened and migrated on first use. */
export function getDb(): Promise<Database> {
  holder.__trustdeckDb ??= (async () => {
    const env = getEnv();
    const handle = await openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });
    return handle.db;
  })().catch((error: unknown) => {
    holder.__trustdeckDb = undefined; // let the next request try again
    throw error;
  });
  return holder.__trustdeckDb;
}
