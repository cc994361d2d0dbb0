/**
 * Test helper run as its own process by pglite-lock.test.ts:
 *   tsx --conditions=react-server lib/db/pglite-lock-holder.ts <folder> <hold|read>
 * `hold` opens the folder, writes a row, prints "ready" and keeps it open until SIGTERM (then
 * closes and exits 0); `read` opens it, prints the rows as JSON and closes. A refused opening
 * prints the error's message and exits 3.
 */
import { sql } from "drizzle-orm";
import { openDatabase } from "./client";
import { DatabaseLockedError } from "./pglite-lock";

async function main(): Promise<void> {
  const [folder, mode] = process.argv.slice(2);
  if (!folder || (mode !== "hold" && mode !== "read")) throw new Error("usage: <folder> <hold|read>");
  let handle: Awaited<ReturnType<typeof openDatabase>>;
  try {
    handle = await openDatabase({ pgliteDir: folder });
  } catch (error) {
    if (!(error instanceof DatabaseLockedError)) throw error;
    console.error(error.message);
    process.exit(3);
  }
  await handle.db.execute(sql`CREATE TABLE IF NOT EXISTS lock_probe (pid integer NOT NULL)`);
  if (mode === "read") {
    // PGlite answers raw SQL with { rows }.
    const result = (await handle.db.execute(sql`SELECT pid FROM lock_probe ORDER BY pid`)) as unknown as {
      rows: Array<{ pid: number }>;
    };
    console.log(JSON.stringify({ rows: result.rows }));
    await handle.close();
    return;
  }
  await handle.db.execute(sql`INSERT INTO lock_probe (pid) VALUES (${process.pid})`);
  process.once("SIGTERM", () => {
    void handle.close().then(() => process.exit(0));
  });
  console.log("ready");
  setInterval(() => undefined, 60_000);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
