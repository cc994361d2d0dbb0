// `npm run audit:verify` as an operator runs it: exit code 0 on an intact chain, 1 naming the
// first edited event otherwise.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openTestPostgres } from "@/lib/testing/databases";
import { recordAudit } from "./record";
import { queryRows } from "./verify";

const run = promisify(execFile);

async function verifyCli(databaseUrl: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run("npm", ["run", "-s", "audit:verify"], {
      env: { ...process.env, DATABASE_URL: databaseUrl, DATABASE_MIGRATION_URL: "" },
      timeout: 60_000,
    });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, out: `${failed.stdout ?? ""}${failed.stderr ?? ""}` };
  }
}

describe("npm run audit:verify", () => {
  it("passes an intact chain and names the first event edited by the owner", async () => {
    const handle = await openTestPostgres();
    try {
      for (let i = 0; i < 4; i++)
        await recordAudit(handle.db, {
          actor: { id: null, name: "alice", role: "admin" },
          action: `cli.${i}`,
          outcome: "success",
        });
      expect(await verifyCli(handle.url)).toMatchObject({
        code: 0,
        out: expect.stringContaining("intact: 4 events"),
      });
      const [second] = await queryRows<{ id: string }>(
        handle.db,
        sql`SELECT id::text FROM audit_events WHERE chain_seq = 2`,
      );
      await handle.db.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only`);
      await handle.db.execute(sql`UPDATE audit_events SET actor_name = 'mallory' WHERE chain_seq = 2`);
      await handle.db.execute(sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only`);
      const broken = await verifyCli(handle.url);
      expect(broken.code).toBe(1);
      expect(broken.out).toContain(`event id ${second!.id} (chain position 2)`);
      expect(broken.out).toContain("hash-mismatch");
    } finally {
      await handle.close();
    }
  });
});
