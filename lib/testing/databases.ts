import { inject } from "vitest";
import { Client } from "pg";
import { openDatabase } from "@/lib/db/client";

type Opened = Awaited<ReturnType<typeof openDatabase>>;

/**
 * The engines every database test runs on. Each call opens a fresh, migrated database:
 * an in-memory PGlite, or a new database on the test PostgreSQL server (dropped on close).
 */
export const TEST_ENGINES = [
  { engine: "pglite", open: (): Promise<Opened> => openDatabase({ pgliteDir: "memory://" }) },
  { engine: "postgres", open: openTestPostgres },
] as const;

/** A fresh test PostgreSQL database, with its URL so a test can open a second client on it. */
export async function openTestPostgres(): Promise<Opened & { url: string }> {
  const adminUrl = new URL(inject("postgresAdminUrl"));
  const name = `trustdeck_test_${crypto.randomUUID().replaceAll("-", "").slice(0, 16)}`;
  const admin = new Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), pgliteDir: "unused" });
  return {
    ...handle,
    url: url.toString(),
    close: async () => {
      await handle.close();
      const cleanup = new Client({ connectionString: adminUrl.toString() });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
