import { AsyncLocalStorage } from "node:async_hooks";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { auditEvents, inventoryDriftAcknowledgements } from "@/lib/db/schema";
import type { Actor } from "@/lib/auth/session";
import { createConnection } from "@/lib/connections/data";
import { generateKey, parseKey } from "@/lib/secrets/crypto";
import { TEST_ENGINES } from "@/lib/testing/databases";

// The action runs through the real authedAction (role, Origin, input, audit) on a real database;
// only the request around it is simulated: who is signed in, and the request's headers.
const request = vi.hoisted(() => ({ db: null as unknown }));
const signedIn = new AsyncLocalStorage<Actor>();
vi.mock("@/lib/auth/session", () => ({ currentActor: async () => signedIn.getStore() ?? null }));
vi.mock("@/lib/db/get-db", () => ({ getDb: async () => request.db }));
vi.mock("next/headers", () => ({
  headers: async () =>
    new Headers({ host: "trustdeck.test", origin: "http://trustdeck.test", "x-trustdeck-peer": "127.0.0.1" }),
}));

const { authedAction } = await import("@/lib/auth/authed-action");
const { acknowledgeDrift } = await import("./drift-acknowledge");
const { DRIFT_ACKNOWLEDGE_ACTION, DRIFT_ACKNOWLEDGE_ROLE, driftAcknowledgeSchema } =
  await import("./drift-schemas");
const { readInventory } = await import("./read");
const { applyCertificateSnapshot } = await import("./snapshot");
const { fakeSet, fakeSummary } = await import("./testing/fake-certificates");

/** The same wrapping as the Overview's server action (app/(dashboard)/(overview)/actions.ts). */
const action = authedAction(
  { action: DRIFT_ACKNOWLEDGE_ACTION, role: DRIFT_ACKNOWLEDGE_ROLE, schema: driftAcknowledgeSchema },
  (input, context) => acknowledgeDrift(input, context),
);
const as = (actor: Actor, id: unknown) => signedIn.run(actor, () => action({ id } as { id: number }));

const person = (name: string, role: Actor["role"]): Actor => ({
  id: crypto.randomUUID(),
  name,
  username: name.toLowerCase(),
  role,
});
const olivia = person("Olivia", "operator");
const oscar = person("Oscar", "operator");
const ada = person("Ada", "admin");
const vera = person("Vera", "viewer");

const key = parseKey(generateKey());
const DAY = 86_400_000;
const t0 = new Date("2026-06-01T00:00:00.000Z");
const at = (days: number) => new Date(t0.getTime() + days * DAY);
const expiry = at(400).toISOString();

describe.each(TEST_ENGINES)("acknowledging drift on $engine", ({ open }) => {
  let handle: Awaited<ReturnType<typeof open>>;
  let db: Database;
  let connection: { id: string; name: string; vendor: "cloudflare" };
  let day = 0;

  /** Someone replaces the set's current certificate at the vendor; the next refresh sees it. */
  const changeAtVendor = async (seed: string) => {
    day += 1;
    const sets = [fakeSet(connection.id, "acme", fakeSummary(seed, expiry), null, "Acme SAML")];
    return applyCertificateSnapshot(db, { connection, sets, now: at(day) });
  };
  const listed = async () => (await readInventory(db)).drift;
  const auditOf = async (driftId: number) =>
    (await db.select().from(auditEvents).where(eq(auditEvents.action, DRIFT_ACKNOWLEDGE_ACTION))).filter(
      (e) => (e.details as { driftId?: number } | null)?.driftId === driftId,
    );
  /** The newest unacknowledged "changed outside Trustdeck" entry. */
  const newestChange = async () => (await listed()).find((d) => d.kind === "external-change")!;

  beforeAll(async () => {
    handle = await open();
    db = handle.db;
    request.db = db;
    const view = await createConnection(db, key, {
      vendor: "cloudflare",
      name: "Acme",
      baseUrl: "https://api.cloudflare.com/client/v4",
      accountId: "0123456789abcdef0123456789abcdef",
      apiToken: "x".repeat(40),
    } as never);
    connection = { id: view.id, name: "Acme", vendor: "cloudflare" };
    await changeAtVendor("first"); // the first snapshot: nothing is drift yet
    expect(await listed()).toEqual([]);
  });
  afterAll(() => handle?.close());

  it("an operator's acknowledgement removes the entry for everyone and is audited with the actor", async () => {
    await changeAtVendor("second");
    const entry = await newestChange();
    expect(entry.message).toMatch(/replaced by/);

    const result = await as(olivia, entry.id);
    expect(result).toMatchObject({ ok: true, data: { driftId: entry.id, acknowledgedBy: "Olivia" } });
    // The read has no user in it: what it no longer lists, nobody sees.
    expect((await listed()).map((d) => d.id)).not.toContain(entry.id);

    const [stored] = await db
      .select()
      .from(inventoryDriftAcknowledgements)
      .where(eq(inventoryDriftAcknowledgements.driftId, entry.id));
    expect(stored).toMatchObject({ actorId: olivia.id, actorName: "Olivia" });
    const audits = await auditOf(entry.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      outcome: "success",
      actorId: olivia.id,
      actorName: "Olivia",
      actorRole: "operator",
      targetType: "certificate-set",
      targetId: `${connection.id}/acme`,
      targetLabel: "Acme · Acme SAML",
      details: expect.objectContaining({ driftKind: "external-change", message: entry.message }),
    });
  });

  it("a later change to the same slot is a new entry and shows again", async () => {
    await changeAtVendor("third");
    const acknowledged = await newestChange();
    expect(await as(ada, acknowledged.id)).toMatchObject({ ok: true });
    expect((await listed()).map((d) => d.id)).not.toContain(acknowledged.id);

    await changeAtVendor("fourth");
    const again = await newestChange();
    expect(again.id).not.toBe(acknowledged.id);
    expect(again.setId).toBe(acknowledged.setId);
    expect(again.message).toMatch(/replaced by/);
    expect((await listed()).map((d) => d.id)).not.toContain(acknowledged.id);
  });

  it("two operators at once, or twice: one success, the other told who was first; one success row", async () => {
    await changeAtVendor("fifth");
    const entry = await newestChange();
    const results = await Promise.all([as(olivia, entry.id), as(oscar, entry.id)]);
    const won = results.filter((r) => r.ok);
    const lost = results.filter((r) => !r.ok);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const winner = (won[0] as { data: { acknowledgedBy: string } }).data.acknowledgedBy;
    expect(lost[0]).toMatchObject({ code: "already-acknowledged", message: expect.stringContaining(winner) });

    expect(await as(olivia, entry.id)).toMatchObject({ ok: false, code: "already-acknowledged" });
    const audits = await auditOf(entry.id);
    expect(audits.map((a) => a.outcome).sort()).toEqual(["denied", "denied", "success"]);
    expect(audits.find((a) => a.outcome === "success")!.actorName).toBe(winner);
    for (const refusal of audits.filter((a) => a.outcome === "denied"))
      expect(refusal.details).toMatchObject({ refused: "already-acknowledged", acknowledgedBy: winner });
    expect(
      await db
        .select()
        .from(inventoryDriftAcknowledgements)
        .where(eq(inventoryDriftAcknowledgements.driftId, entry.id)),
    ).toHaveLength(1);
  });

  it("a viewer is refused and audited; the entry stays listed", async () => {
    await changeAtVendor("sixth");
    const entry = await newestChange();
    expect(await as(vera, entry.id)).toMatchObject({ ok: false, code: "forbidden" });
    expect((await listed()).map((d) => d.id)).toContain(entry.id);
    const refusals = await db.select().from(auditEvents).where(eq(auditEvents.actorId, vera.id));
    expect(refusals).toEqual([
      expect.objectContaining({
        action: DRIFT_ACKNOWLEDGE_ACTION,
        outcome: "denied",
        details: expect.objectContaining({ refused: "forbidden", requiredRole: "operator" }),
      }),
    ]);
    expect(
      await db
        .select()
        .from(inventoryDriftAcknowledgements)
        .where(eq(inventoryDriftAcknowledgements.driftId, entry.id)),
    ).toEqual([]);
  });

  it("an unknown id is a clear not-found refusal, audited; a malformed one is invalid input", async () => {
    const missing = 987_654_321;
    expect(await as(oscar, missing)).toMatchObject({
      ok: false,
      code: "not-found",
      message: expect.stringContaining(`no drift entry ${missing}`),
    });
    expect(await auditOf(missing)).toEqual([
      expect.objectContaining({
        outcome: "denied",
        actorName: "Oscar",
        targetType: "inventory-drift",
        targetId: String(missing),
        details: expect.objectContaining({ refused: "not-found" }),
      }),
    ]);
    for (const bad of [-1, 0, 1.5, "1", null, Number.MAX_SAFE_INTEGER + 2])
      expect(await as(oscar, bad)).toMatchObject({ ok: false, code: "invalid-input" });
  });
});
