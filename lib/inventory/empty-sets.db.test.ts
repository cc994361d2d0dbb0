import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record";
import { readCertificateList } from "@/lib/certificates/read";
import { filterCertificateSets } from "@/lib/certificates/list";
import { certificateListFilterSchema } from "@/lib/certificates/schemas";
import { createConnection } from "@/lib/connections/data";
import { generateKey, parseKey } from "@/lib/secrets/crypto";
import { TEST_ENGINES } from "@/lib/testing/databases";
import { countByStatus, whatBreaksNext } from "@/lib/timeline/summary";
import type { CertificateSet } from "@/lib/vendors/model";
import { readInventory, readInventoryHistory } from "./read";
import { applyCertificateSnapshot, recordSetChange } from "./snapshot";
import { fakeIdpSet, fakeSet, fakeSummary } from "./testing/fake-certificates";
import { createHuaweiStore } from "./testing/huawei-store";

const key = parseKey(generateKey());
const t0 = new Date("2026-06-01T00:00:00.000Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const cert = (name: string, days: number) =>
  fakeSummary(name, new Date(t0.getTime() + days * 86_400_000).toISOString());

type Db = Awaited<ReturnType<(typeof TEST_ENGINES)[number]["open"]>>["db"];

async function query<T>(db: Db, statement: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(statement)) as unknown as { rows: T[] }).rows;
}

/** Every inventory row's version (PostgreSQL's xmin and place): unchanged means not rewritten. */
async function versions(db: Db): Promise<string[]> {
  const rows = await query<{ v: string }>(
    db,
    sql`SELECT key || '@' || xmin::text || ':' || ctid::text AS v FROM inventory_certificates
        UNION ALL SELECT key || '@' || xmin::text || ':' || ctid::text FROM inventory_empty_sets ORDER BY 1`,
  );
  return rows.map((r) => r.v);
}

const count = async (db: Db, table: string) =>
  (await query<{ n: number }>(db, sql.raw(`SELECT count(*)::int AS n FROM ${table}`)))[0]!.n;

describe.each(TEST_ENGINES)("sets with no certificate in the inventory on $engine", ({ open }) => {
  let handle: Awaited<ReturnType<typeof open>>;
  let cf: { id: string; name: string; vendor: "cloudflare" };
  let hw: { id: string; name: string; vendor: "huawei" };
  const a1 = cert("a1", 300);
  const first = cert("first", 500);
  const cfSets = (empty: CertificateSet) => [fakeSet(cf.id, "A", a1, null, "Set A"), empty];
  const emptyCf = () => fakeSet(cf.id, "E", null, null, "Set E");

  beforeAll(async () => {
    handle = await open();
    const cfView = await createConnection(handle.db, key, {
      vendor: "cloudflare",
      name: "Acme",
      baseUrl: "https://api.cloudflare.com/client/v4",
      accountId: "0123456789abcdef0123456789abcdef",
      apiToken: "x".repeat(40),
    } as never);
    cf = { id: cfView.id, name: "Acme", vendor: "cloudflare" };
    hw = await createHuaweiStore(handle.db, key);
  });
  afterAll(() => handle.close());

  it("stores an empty set and lists it with an empty state; the same read again writes nothing", async () => {
    await applyCertificateSnapshot(handle.db, { connection: cf, sets: cfSets(emptyCf()), now: at(0) });
    const inventory = await readInventory(handle.db);
    expect(inventory.emptySets).toEqual([
      expect.objectContaining({
        key: `${cf.id}/E`,
        setId: "E",
        setLabel: "Set E",
        vendor: "cloudflare",
        connectionName: "Acme",
        setHref: `/certificates/${cf.id}/E`,
        signInFails: false,
        firstSeenAt: at(0).toISOString(),
      }),
    ]);
    expect(inventory.certificates.map((c) => c.setId)).toEqual(["A"]);

    const list = await readCertificateList(handle.db);
    const listed = list.entries.find((e) => e.set.id === "E");
    expect(listed?.set).toMatchObject({ label: "Set E", empty: { signInFails: false } });
    // Its named slots are there, empty.
    expect(listed?.set.slots).toEqual([
      { slot: "current", certificate: null },
      { slot: "previous", certificate: null },
    ]);
    expect(list.entries.find((e) => e.set.id === "A")?.set.empty).toBeUndefined();
    const onlyEmpty = certificateListFilterSchema.parse({ status: "empty" });
    expect(filterCertificateSets(list.entries, onlyEmpty, at(0)).map((e) => e.set.id)).toEqual(["E"]);

    const before = await versions(handle.db);
    const events = await count(handle.db, "inventory_events");
    const outcome = await applyCertificateSnapshot(handle.db, {
      connection: cf,
      sets: cfSets(emptyCf()),
      now: at(10),
    });
    expect(outcome).toEqual({ changes: [], drift: [] });
    expect(await versions(handle.db)).toEqual(before);
    expect(await count(handle.db, "inventory_events")).toBe(events);
    // A renamed empty set is its only row rewritten.
    await applyCertificateSnapshot(handle.db, {
      connection: cf,
      sets: cfSets(fakeSet(cf.id, "E", null, null, "Set E renamed")),
      now: at(15),
    });
    const after = await versions(handle.db);
    expect(after.filter((v) => !before.includes(v)).map((v) => v.split("@")[0])).toEqual([`${cf.id}/E`]);
    expect((await readInventory(handle.db)).emptySets[0]).toMatchObject({
      setLabel: "Set E renamed",
      firstSeenAt: at(0).toISOString(),
    });
    await applyCertificateSnapshot(handle.db, { connection: cf, sets: cfSets(emptyCf()), now: at(16) });
  });

  it("a first certificate uploaded through Trustdeck is recorded at once and is no drift at the next refresh", async () => {
    const drift = await count(handle.db, "inventory_drift");
    // The write pipeline audits the change, then records the set as the vendor answered it.
    await recordAudit(handle.db, {
      actor: { id: null, name: "admin", role: "admin" },
      action: "certificate.rotate",
      outcome: "success",
      target: { type: "certificate-set", id: `${cf.id}/E`, label: "Acme · Set E" },
      details: { sha256: first.sha256 },
    });
    const changes = await recordSetChange(handle.db, {
      connection: cf,
      set: fakeSet(cf.id, "E", first, null, "Set E"),
      now: at(20),
    });
    expect(changes.map((c) => [c.kind, c.key])).toEqual([["appeared", `${cf.id}/E/${first.sha256}`]]);
    let inventory = await readInventory(handle.db);
    expect(inventory.emptySets).toEqual([]);
    expect(inventory.certificates.filter((c) => c.setId === "E").map((c) => [c.slot, c.subject])).toEqual([
      ["current", "CN=first"],
    ]);
    const history = await readInventoryHistory(handle.db, { itemKey: `${cf.id}/E/${first.sha256}` });
    expect(history.map((h) => h.kind)).toEqual(["appeared"]);
    expect(
      (await readCertificateList(handle.db)).entries.find((e) => e.set.id === "E")?.set.empty,
    ).toBeUndefined();

    const before = await versions(handle.db);
    const outcome = await applyCertificateSnapshot(handle.db, {
      connection: cf,
      sets: cfSets(fakeSet(cf.id, "E", first, null, "Set E")),
      now: at(30),
    });
    expect(outcome).toEqual({ changes: [], drift: [] });
    expect(await versions(handle.db)).toEqual(before);
    expect(await count(handle.db, "inventory_drift")).toBe(drift);
    inventory = await readInventory(handle.db);
    expect(inventory.drift).toEqual([]);
  });

  it("a first certificate that appears outside Trustdeck is drift; a set emptied by Trustdeck is listed as empty again", async () => {
    const outside = cert("outside", 400);
    const outcome = await applyCertificateSnapshot(handle.db, {
      connection: cf,
      sets: [
        fakeSet(cf.id, "A", a1, null, "Set A"),
        fakeSet(cf.id, "E", first, null, "Set E"),
        fakeSet(cf.id, "F", outside, null, "Set F"),
      ],
      now: at(40),
    });
    expect(outcome.drift.map((d) => [d.kind, d.setId])).toEqual([["external-change", "F"]]);

    await recordSetChange(handle.db, {
      connection: cf,
      set: fakeSet(cf.id, "E", null, null, "Set E"),
      now: at(50),
    });
    const inventory = await readInventory(handle.db);
    expect(inventory.emptySets.map((e) => [e.setId, e.firstSeenAt])).toEqual([["E", at(50).toISOString()]]);
    expect(inventory.certificates.some((c) => c.setId === "E")).toBe(false);
  });

  it("an empty external IdP in use is an outage on the Overview; a disabled one, and other empty sets, only a count", async () => {
    const sets = [
      fakeIdpSet(hw.id, "okta", true, []),
      fakeIdpSet(hw.id, "adfs", false, []),
      fakeIdpSet(hw.id, "entra", true, [cert("entra", 90)]),
    ];
    await applyCertificateSnapshot(handle.db, { connection: hw, sets, now: at(60) });
    const inventory = await readInventory(handle.db);
    const byId = new Map(inventory.emptySets.map((e) => [e.setId, e.signInFails]));
    expect(byId).toEqual(
      new Map([
        ["idp:okta", true],
        ["idp:adfs", false],
        ["E", false],
      ]),
    );

    const summary = whatBreaksNext(inventory.certificates, at(60), inventory.emptySets);
    expect(summary.outages.map((o) => o.cert.setId)).toEqual(["idp:okta"]);
    expect(summary.outages[0]!.breaks.reason).toMatch(/rejects every SAML response/);
    expect(summary.emptySets).toBe(3);
    // No certificate is not an expired certificate: the status counts hold certificates only.
    const counts = countByStatus(inventory.certificates, at(60));
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(inventory.certificates.length);
    expect(counts.expired).toBe(0);

    // Most urgent first puts the failing empty IdP at the top of the list.
    const list = await readCertificateList(handle.db);
    const urgent = filterCertificateSets(
      list.entries,
      certificateListFilterSchema.parse({ sort: "status" }),
      at(60),
    );
    expect(urgent[0]?.set).toMatchObject({ id: "idp:okta", empty: { signInFails: true } });

    // Enabled again, the IdP's row changes; nothing else is rewritten.
    const before = await versions(handle.db);
    await applyCertificateSnapshot(handle.db, {
      connection: hw,
      sets: [fakeIdpSet(hw.id, "okta", true, []), fakeIdpSet(hw.id, "adfs", true, []), sets[2]!],
      now: at(70),
    });
    const changed = (await versions(handle.db))
      .filter((v) => !before.includes(v))
      .map((v) => v.split("@")[0]);
    expect(changed).toEqual([`${hw.id}/idp:adfs`]);
  });
});
