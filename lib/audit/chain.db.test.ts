import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { Client } from "pg";
import { openTestPostgres, TEST_ENGINES } from "@/lib/testing/databases";
import { openDatabase } from "@/lib/db/client";
import { recordAudit } from "./record";
import { queryRows, verifyAuditChain } from "./verify";

const actor = { id: null, name: "alice", role: "admin" as const };

describe.each(TEST_ENGINES)("audit hash chain on $engine", ({ open }) => {
  let handle: Awaited<ReturnType<typeof open>>;
  beforeAll(async () => {
    handle = await open();
  });
  afterAll(() => handle.close());

  it("chains every event, whatever its text, and verify agrees with the trigger", async () => {
    expect(await verifyAuditChain(handle.db)).toEqual({ ok: true, events: 0 });
    const awkward = ["ünïcode ✓", "emoji 🔐", "bidi \u202e txt", 'quote " | 3:x', "line\nbreak", ""];
    for (const [i, label] of awkward.entries()) {
      await recordAudit(handle.db, {
        actor: { id: crypto.randomUUID(), name: label || "x", role: null },
        action: "connection.update",
        outcome: i % 2 ? "success" : "denied",
        target: { type: "connection", id: `c${i}`, label },
        sourceIp: i % 2 ? "::1" : null,
        details: { label, n: i, f: 0.1, nested: { b: [1, "2", null], a: true } },
      });
    }
    expect(await verifyAuditChain(handle.db)).toEqual({ ok: true, events: awkward.length });
    const rows = await queryRows<{ prev_hash: string | null; hash: string }>(
      handle.db,
      sql`SELECT prev_hash, hash FROM audit_events ORDER BY chain_seq`,
    );
    expect(rows[0]!.prev_hash).toBeNull();
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
  });

  it("verifies in any session time zone", async () => {
    await handle.db.execute(sql`SET TIME ZONE 'Pacific/Chatham'`);
    expect((await verifyAuditChain(handle.db)).ok).toBe(true);
    await handle.db.execute(sql`SET TIME ZONE 'UTC'`);
  });

  it("ignores chain fields that the inserter tries to set", async () => {
    await handle.db.execute(sql`
      INSERT INTO audit_events (actor_name, action, outcome, chain_seq, prev_hash, hash)
      VALUES ('mallory', 'x', 'success', 999, 'forged', 'forged')`);
    expect((await verifyAuditChain(handle.db)).ok).toBe(true);
  });

  it("names the first edited event when a row is rewritten as the owner (triggers disabled)", async () => {
    const [target] = await queryRows<{ id: string }>(
      handle.db,
      sql`SELECT id::text FROM audit_events ORDER BY chain_seq OFFSET 2 LIMIT 1`,
    );
    const id = Number(target!.id);
    await handle.db.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER USER`);
    await handle.db.execute(sql`UPDATE audit_events SET outcome = 'success' WHERE id = ${id}`);
    await handle.db.execute(sql`ALTER TABLE audit_events ENABLE TRIGGER USER`);
    const report = await verifyAuditChain(handle.db);
    expect(report).toMatchObject({ ok: false, eventId: id, chainSeq: 3, reason: "hash-mismatch", events: 2 });
  });
});

describe.each(TEST_ENGINES)("audit chain tampering by removal on $engine", ({ open }) => {
  it("detects a deleted middle event and a deleted last event", async () => {
    const handle = await open();
    try {
      for (let i = 0; i < 5; i++)
        await recordAudit(handle.db, { actor, action: `a.${i}`, outcome: "success" });
      await handle.db.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER USER`);
      await handle.db.execute(sql`DELETE FROM audit_events WHERE chain_seq = 5`);
      expect(await verifyAuditChain(handle.db)).toMatchObject({
        ok: false,
        reason: "head-mismatch",
        eventId: null,
      });
      await handle.db.execute(sql`DELETE FROM audit_events WHERE chain_seq = 2`);
      expect(await verifyAuditChain(handle.db)).toMatchObject({
        ok: false,
        reason: "sequence-gap",
        chainSeq: 3,
      });
    } finally {
      await handle.close();
    }
  });
});

describe("audit chain under concurrency on PostgreSQL", () => {
  it("50 concurrent inserts from two instances give one unbroken chain", async () => {
    const first = await openTestPostgres();
    const second = await openDatabase({ databaseUrl: first.url, pgliteDir: "unused" });
    try {
      await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          recordAudit(i % 2 ? first.db : second.db, { actor, action: `concurrent.${i}`, outcome: "success" }),
        ),
      );
      expect(await verifyAuditChain(first.db)).toEqual({ ok: true, events: 50 });
      // A raw third client inserting inside an open transaction cannot fork the chain either.
      const raw = new Client({ connectionString: first.url });
      await raw.connect();
      await raw.query("BEGIN");
      await raw.query(
        "INSERT INTO audit_events (actor_name, action, outcome) VALUES ('bob', 'held', 'success')",
      );
      const racing = recordAudit(second.db, { actor, action: "after-held", outcome: "success" });
      await new Promise((resolve) => setTimeout(resolve, 100));
      await raw.query("COMMIT");
      await racing;
      await raw.end();
      expect(await verifyAuditChain(first.db)).toEqual({ ok: true, events: 52 });
    } finally {
      await second.close();
      await first.close();
    }
  });
});
