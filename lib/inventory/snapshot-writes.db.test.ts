import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createConnection } from "@/lib/connections/data";
import { connectionInputSchema } from "@/lib/connections/schemas";
import { generateKey, parseKey } from "@/lib/secrets/crypto";
import { TEST_ENGINES } from "@/lib/testing/databases";
import { allowSandboxHosts } from "@/lib/vendors/testing/sandbox-fixture";
import { startSandbox, type Sandbox } from "@/sandbox/server";
import type { CloudflareDemoConnection } from "@/sandbox/cloudflare/demo-connections";
import { readInventory, readInventoryHistory } from "./read";
import { startRefresh } from "./refresh";
import { applyCertificateSnapshot, recordSetChange } from "./snapshot";
import { fakeSet, fakeSummary } from "./testing/fake-certificates";

const key = parseKey(generateKey());
const t0 = new Date("2026-06-01T00:00:00.000Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

type Db = Awaited<ReturnType<(typeof TEST_ENGINES)[number]["open"]>>["db"];

/** Rows of a raw query (both engines answer `{ rows }`). */
async function query<T>(db: Db, statement: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(statement)) as unknown as { rows: T[] }).rows;
}

/**
 * Each row's version: PostgreSQL gives a row a new `xmin` (and place) whenever it is written, so
 * an unchanged version proves the row was not rewritten, whatever the statement.
 */
async function rowVersions(db: Db): Promise<Map<string, string>> {
  const rows = await query<{ key: string; version: string }>(
    db,
    sql`SELECT key, xmin::text || ':' || ctid::text AS version FROM inventory_certificates`,
  );
  return new Map(rows.map((r) => [r.key, r.version]));
}

async function count(db: Db, table: "inventory_events" | "inventory_drift" | "audit_events") {
  const [row] = await query<{ n: number }>(db, sql.raw(`SELECT count(*)::int AS n FROM ${table}`));
  return row!.n;
}

/** Keys whose row was written between two snapshots of row versions (new rows included). */
function rewritten(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after]
    .filter(([k, v]) => before.get(k) !== v)
    .map(([k]) => k)
    .sort();
}

describe.each(TEST_ENGINES)("snapshot writes only what changed on $engine", ({ open }) => {
  let handle: Awaited<ReturnType<typeof open>>;
  let connection: { id: string; name: string; vendor: "cloudflare" };
  const cert = (name: string, days: number) =>
    fakeSummary(name, new Date(t0.getTime() + days * 86_400_000).toISOString());
  const a1 = cert("a1", 300);
  const a0 = cert("a0", 20);
  const b1 = cert("b1", 400);
  const b0 = cert("b0", 10);
  const b2 = cert("b2", 1000);
  const setsV1 = () => [
    fakeSet(connection.id, "A", a1, a0, "Set A"),
    fakeSet(connection.id, "B", b1, b0, "Set B"),
  ];

  beforeAll(async () => {
    handle = await open();
    const view = await createConnection(handle.db, key, {
      vendor: "cloudflare",
      name: "Acme",
      baseUrl: "https://api.cloudflare.com/client/v4",
      accountId: "0123456789abcdef0123456789abcdef",
      apiToken: "x".repeat(40),
    } as never);
    connection = { id: view.id, name: "Acme", vendor: "cloudflare" };
    await applyCertificateSnapshot(handle.db, { connection, sets: setsV1(), now: at(0) });
  });
  afterAll(() => handle.close());

  it("a snapshot with nothing changed rewrites no row and appends no history, yet shows the certificates as seen now", async () => {
    const before = await rowVersions(handle.db);
    const events = await count(handle.db, "inventory_events");
    const outcome = await applyCertificateSnapshot(handle.db, { connection, sets: setsV1(), now: at(10) });
    expect(outcome).toEqual({ changes: [], drift: [] });
    expect(await rowVersions(handle.db)).toEqual(before);
    expect(await count(handle.db, "inventory_events")).toBe(events);

    const inventory = await readInventory(handle.db);
    expect(inventory.certificates).toHaveLength(4);
    expect(inventory.certificates.every((c) => c.lastSeenAt === at(10).toISOString())).toBe(true);
    expect(inventory.certificates.every((c) => c.firstSeenAt === at(0).toISOString())).toBe(true);
    expect(inventory.connections[0]).toMatchObject({ lastSuccessAt: at(10).toISOString(), stale: false });
  });

  it("a rotation of one set outside Trustdeck writes only that set's rows, with drift and history", async () => {
    const before = await rowVersions(handle.db);
    const sets = [fakeSet(connection.id, "A", a1, a0, "Set A"), fakeSet(connection.id, "B", b2, b1, "Set B")];
    const outcome = await applyCertificateSnapshot(handle.db, { connection, sets, now: at(20) });
    const after = await rowVersions(handle.db);
    const keyOf = (set: string, c: { sha256: string }) => `${connection.id}/${set}/${c.sha256}`;
    expect(rewritten(before, after)).toEqual([keyOf("B", b0), keyOf("B", b1), keyOf("B", b2)].sort());
    expect(outcome.changes.map((c) => [c.kind, c.key]).sort()).toEqual(
      [
        ["appeared", keyOf("B", b2)],
        ["disappeared", keyOf("B", b0)],
        ["state-changed", keyOf("B", b1)],
      ].sort(),
    );
    // A rotation outside Trustdeck, and (the subject differs) a re-issue relying parties may not expect.
    expect(outcome.drift.map((d) => [d.kind, d.setId])).toEqual([
      ["external-change", "B"],
      ["reissued-different", "B"],
    ]);
    expect(outcome.drift[0]!.message).toMatch(
      /Set B changed outside Trustdeck: rotated by the vendor itself/,
    );

    const inventory = await readInventory(handle.db);
    expect(inventory.certificates.map((c) => `${c.setId}:${c.slot}:${c.subject}`).sort()).toEqual([
      "A:current:CN=a1",
      "A:previous:CN=a0",
      "B:current:CN=b2",
      "B:previous:CN=b1",
    ]);
    // The certificate that left was last seen at the read before this one, not now.
    const history = await readInventoryHistory(handle.db, { itemKey: keyOf("B", b0) });
    expect(history.map((h) => h.kind)).toEqual(["disappeared", "appeared"]);
    const [gone] = await query<{ last: string }>(
      handle.db,
      sql`SELECT last_seen_at::text AS last FROM inventory_certificates WHERE key = ${keyOf("B", b0)}`,
    );
    expect(new Date(gone!.last).getTime()).toBe(at(10).getTime());
  });

  it("a change that is no history (a set's label) rewrites that set's rows and nothing else", async () => {
    const before = await rowVersions(handle.db);
    const events = await count(handle.db, "inventory_events");
    const sets = [
      fakeSet(connection.id, "A", a1, a0, "Set A renamed"),
      fakeSet(connection.id, "B", b2, b1, "Set B"),
    ];
    const outcome = await applyCertificateSnapshot(handle.db, { connection, sets, now: at(30) });
    expect(outcome).toEqual({ changes: [], drift: [] });
    expect(rewritten(before, await rowVersions(handle.db))).toEqual(
      [`${connection.id}/A/${a1.sha256}`, `${connection.id}/A/${a0.sha256}`].sort(),
    );
    expect(await count(handle.db, "inventory_events")).toBe(events);
    const labels = new Set(
      (await readInventory(handle.db)).certificates.filter((c) => c.setId === "A").map((c) => c.setLabel),
    );
    expect(labels).toEqual(new Set(["Set A renamed"]));
  });

  it("a certificate that comes back is written again as present, with an 'appeared' entry", async () => {
    const sets = [
      fakeSet(connection.id, "A", a1, a0, "Set A renamed"),
      fakeSet(connection.id, "B", b2, b0, "Set B"),
    ];
    const outcome = await applyCertificateSnapshot(handle.db, { connection, sets, now: at(40) });
    expect(outcome.changes.map((c) => c.kind).sort()).toEqual(["appeared", "disappeared"]);
    const present = (await readInventory(handle.db)).certificates.map((c) => c.subject).sort();
    expect(present).toEqual(["CN=a0", "CN=a1", "CN=b0", "CN=b2"]);
  });

  it("recording Trustdeck's own change of one set writes only that set's changed rows, without drift", async () => {
    const before = await rowVersions(handle.db);
    const drift = await count(handle.db, "inventory_drift");
    const changes = await recordSetChange(handle.db, {
      connection,
      set: fakeSet(connection.id, "A", a1, a0, "Set A renamed"),
      now: at(50),
    });
    expect(changes).toEqual([]);
    expect(await rowVersions(handle.db)).toEqual(before);
    const rotated = await recordSetChange(handle.db, {
      connection,
      set: fakeSet(connection.id, "A", b2, a1, "Set A renamed"),
      now: at(60),
    });
    expect(rotated.map((c) => c.kind).sort()).toEqual(["appeared", "disappeared", "state-changed"]);
    expect(
      rewritten(before, await rowVersions(handle.db)).every((k) => k.startsWith(`${connection.id}/A/`)),
    ).toBe(true);
    expect(await count(handle.db, "inventory_drift")).toBe(drift);
  });
});

describe.each(TEST_ENGINES)("refresh of a seeded sandbox tenant on $engine", ({ open }) => {
  let handle: Awaited<ReturnType<typeof open>>;
  let sb: Sandbox;
  let tenants: CloudflareDemoConnection[];
  let restoreHosts: (() => void) | undefined;
  beforeAll(async () => {
    handle = await open();
    sb = await startSandbox({ ports: { uipath: 0, cloudflare: 0, huawei: 0, issuers: 0 }, control: true });
    restoreHosts = allowSandboxHosts(sb);
    ({ connections: tenants } = await sb.control.addTenants<CloudflareDemoConnection>({
      vendor: "cloudflare",
      name: "Refresh",
      connections: 3,
      setsPerConnection: 60,
    }));
    for (const tenant of tenants) await createConnection(handle.db, key, connectionInputSchema.parse(tenant));
  });
  afterAll(async () => {
    restoreHosts?.();
    await sb?.stop();
    await handle?.close();
  });

  const refresh = async (now: Date) => {
    const run = await startRefresh(handle.db, key, {
      trigger: "manual",
      actorName: "test",
      clock: () => now,
    });
    await run.finished;
  };

  it("stores every set, then a second refresh with nothing changed at the vendor writes no certificate row", async () => {
    await refresh(at(0));
    const first = await readInventory(handle.db);
    expect(first.certificates).toHaveLength(3 * 60 * 2);
    expect(first.connections.every((c) => !c.stale)).toBe(true);
    const before = await rowVersions(handle.db);
    const events = await count(handle.db, "inventory_events");
    const audits = await count(handle.db, "audit_events");

    await refresh(at(5));
    expect(await rowVersions(handle.db)).toEqual(before);
    expect(await count(handle.db, "inventory_events")).toBe(events);
    expect(await count(handle.db, "inventory_drift")).toBe(0);
    expect(await count(handle.db, "audit_events")).toBe(audits);
    const second = await readInventory(handle.db);
    expect(second.connections.every((c) => c.lastSuccessAt === at(5).toISOString())).toBe(true);
    expect(second.certificates.every((c) => c.lastSeenAt === at(5).toISOString())).toBe(true);
  });
});
