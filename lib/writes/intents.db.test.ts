import { eq, sql } from "drizzle-orm";
import { auditEvents } from "@/lib/db/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordIntent, recordIntentOutcome, unresolvedIntents } from "@/lib/audit/intents";
import { TEST_ENGINES } from "@/lib/testing/databases";

const actor = { id: null, name: "alice", role: "operator" as const };

describe.each(TEST_ENGINES)("write intents on $engine", ({ open }) => {
  let handle: Awaited<ReturnType<typeof open>>;
  beforeAll(async () => {
    handle = await open();
  });
  afterAll(() => handle.close());

  it("an intent stays unresolved until an outcome row references it; the log stays append-only", async () => {
    const target = { type: "certificate-set", id: "c/s", label: "Set" };
    const id = await recordIntent(handle.db, { actor, action: "certificate.rotate", target });
    expect((await unresolvedIntents(handle.db)).map((r) => r.id)).toContain(id);
    await expect(
      handle.db.execute(sql`UPDATE audit_events SET outcome = 'success' WHERE id = ${id}`),
    ).rejects.toThrow();
    expect(
      await recordIntentOutcome(handle.db, id, {
        actor,
        action: "certificate.rotate",
        target,
        outcome: "success",
        details: { writeOutcome: "applied" },
      }),
    ).toBe(true);
    expect((await unresolvedIntents(handle.db)).map((r) => r.id)).not.toContain(id);
  });

  it("two processes completing one intent at once: exactly one outcome gets in", async () => {
    const id = await recordIntent(handle.db, { actor, action: "federated-credential.delete" });
    const outcome = (writeOutcome: string) =>
      recordIntentOutcome(handle.db, id, {
        actor,
        action: "federated-credential.delete",
        outcome: "success",
        details: { writeOutcome },
      });
    const results = await Promise.all([outcome("applied"), outcome("applied"), outcome("applied")]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const rows = await handle.db.select().from(auditEvents).where(eq(auditEvents.intentId, id));
    expect(rows).toHaveLength(1);
  });

  it("leaves younger intents alone (another instance may still be writing)", async () => {
    const id = await recordIntent(handle.db, { actor, action: "certificate.activate" });
    const old = await unresolvedIntents(handle.db, { olderThan: new Date(Date.now() - 60_000) });
    expect(old.map((r) => r.id)).not.toContain(id);
    expect((await unresolvedIntents(handle.db)).map((r) => r.id)).toContain(id);
  });
});
