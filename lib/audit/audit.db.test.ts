import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { TEST_ENGINES } from "@/lib/testing/databases";
import { auditEvents } from "@/lib/db/schema";
import { recordAudit } from "./record";
import { queryAuditEvents } from "./query";
import { auditFilterSchema } from "./schemas";

describe.each(TEST_ENGINES)("audit log on $engine", ({ open }) => {
  let handle: Awaited<ReturnType<typeof open>>;
  beforeAll(async () => {
    handle = await open();
    const actor = { id: null, name: "alice", role: "admin" as const };
    for (let i = 0; i < 60; i++) {
      await recordAudit(handle.db, {
        actor,
        action: i % 2 ? "connection.create" : "auth.sign-in",
        outcome: i % 3 ? "success" : "failure",
        target: { type: "connection", id: `c${i}`, label: `Conn ${i}` },
      });
    }
    await recordAudit(handle.db, {
      actor: { id: null, name: "bob", role: "viewer" },
      action: "connection.update",
      outcome: "denied",
      details: { before: { apiToken: "tok-123", name: "a" }, nested: { clientSecret: "s3cr3t" } },
    });
  });
  afterAll(() => handle.close());

  it("stores events without secrets", async () => {
    const { rows } = await queryAuditEvents(handle.db, auditFilterSchema.parse({ actor: "bob" }));
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0]!.details)).not.toMatch(/tok-123|s3cr3t/);
    expect(rows[0]!.details).toMatchObject({ before: { apiToken: "[redacted]", name: "a" } });
  });

  it("filters and paginates newest first", async () => {
    const page1 = await queryAuditEvents(handle.db, auditFilterSchema.parse({ action: "connection.create" }));
    expect(page1.total).toBe(30);
    expect(page1.rows.every((r) => r.action === "connection.create")).toBe(true);
    const all = await queryAuditEvents(handle.db, auditFilterSchema.parse({}));
    expect(all.total).toBe(61);
    expect(all.pageCount).toBe(2);
    expect(all.rows[0]!.actorName).toBe("bob");
    const page2 = await queryAuditEvents(handle.db, auditFilterSchema.parse({ page: "2" }));
    expect(page2.rows).toHaveLength(11);
    const failures = await queryAuditEvents(
      handle.db,
      auditFilterSchema.parse({ outcome: "failure", target: "Conn 3" }),
    );
    expect(failures.rows.map((r) => r.targetLabel).sort()).toEqual([
      "Conn 3",
      "Conn 30",
      "Conn 33",
      "Conn 36",
      "Conn 39",
    ]);
    const future = await queryAuditEvents(handle.db, auditFilterSchema.parse({ from: "2999-01-01" }));
    expect(future.total).toBe(0);
  });

  it("refuses to change or delete audit rows, even with direct SQL", async () => {
    // Drizzle wraps the driver's error; the database's own refusal is the cause.
    const refused = { cause: { message: expect.stringMatching(/audit_events is append-only/) } };
    await expect(handle.db.update(auditEvents).set({ actorName: "mallory" })).rejects.toMatchObject(refused);
    await expect(handle.db.delete(auditEvents)).rejects.toMatchObject(refused);
    await expect(handle.db.execute(sql`TRUNCATE audit_events`)).rejects.toMatchObject(refused);
    const { total } = await queryAuditEvents(handle.db, auditFilterSchema.parse({}));
    expect(total).toBe(61);
  });
});
