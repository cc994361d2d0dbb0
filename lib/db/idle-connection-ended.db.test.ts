import { sql } from "drizzle-orm";
import { Client } from "pg";
import { describe, expect, it } from "vitest";
import { openTestPostgres } from "@/lib/testing/databases";

describe("a PostgreSQL server that ends idle connections", () => {
  it("does not crash the process: the pool replaces them and the next query works", async () => {
    const handle = await openTestPostgres();
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (message: string) => void warnings.push(String(message));
    try {
      await handle.db.execute(sql`select 1`); // leaves an idle client in the pool
      const admin = new Client({ connectionString: handle.url });
      await admin.connect();
      const database = new URL(handle.url).pathname.slice(1);
      const ended = await admin.query(
        "select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()",
        [database],
      );
      await admin.end();
      expect(ended.rowCount).toBeGreaterThan(0);
      // Without a listener on the pool, the idle client's error is an uncaught exception here.
      await expect
        .poll(() => warnings.some((w) => w.includes("idle PostgreSQL connection ended")))
        .toBe(true);
      const after = await handle.db.execute(sql`select 41 + 1 as answer`);
      expect((after as unknown as { rows: { answer: number }[] }).rows[0]!.answer).toBe(42);
    } finally {
      console.warn = warn;
      await handle.close();
    }
  });
});
