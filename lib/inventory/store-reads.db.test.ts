import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { generateKey, parseKey } from "@/lib/secrets/crypto";
import { TEST_ENGINES } from "@/lib/testing/databases";
import { recordStatements } from "@/lib/testing/statements";
import type { ObservedFederation } from "./federated-snapshot";
import { storeConnectionReads, type ConnectionRead } from "./store-reads";
import { createPlaceholderConnection } from "./testing/placeholder-connection";
import { fakeSet, fakeSummary } from "./testing/fake-certificates";

const key = parseKey(generateKey());
const t0 = new Date("2026-06-01T00:00:00.000Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

type Db = Awaited<ReturnType<(typeof TEST_ENGINES)[number]["open"]>>["db"];

async function query<T>(db: Db, statement: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(statement)) as unknown as { rows: T[] }).rows;
}

/** Every stored row's version (PostgreSQL gives a row a new `xmin` and place when it is written). */
async function rowVersions(db: Db): Promise<string[]> {
  const rows = await query<{ version: string }>(
    db,
    sql`SELECT key || '@' || xmin::text || ':' || ctid::text AS version FROM inventory_certificates
        UNION ALL SELECT key || '@' || xmin::text || ':' || ctid::text FROM inventory_federated_credentials
        UNION ALL SELECT key || '@' || xmin::text || ':' || ctid::text FROM inventory_federated_applications
        ORDER BY 1`,
  );
  return rows.map((r) => r.version);
}

async function freshness(db: Db) {
  const rows = await query<{
    connection_id: string;
    last_success_at: Date | string | null;
    last_attempt_at: Date | string | null;
    last_error: string | null;
    federated_error: string | null;
  }>(db, sql`SELECT * FROM inventory_connections`);
  const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
  return new Map(
    rows.map((r) => [
      r.connection_id,
      {
        lastSuccessAt: iso(r.last_success_at),
        lastAttemptAt: iso(r.last_attempt_at),
        lastError: r.last_error,
        federatedError: r.federated_error,
      },
    ]),
  );
}

const count = async (db: Db, table: "inventory_events" | "inventory_drift") =>
  (await query<{ n: number }>(db, sql.raw(`SELECT count(*)::int AS n FROM ${table}`)))[0]!.n;

/** Two applications with two federated credentials each. The store does not look at the vendor. */
function federationOf(connectionId: string, issuer = "https://issuer.example"): ObservedFederation {
  const apps = ["app-1", "app-2"];
  return {
    applications: apps.map((clientId) => ({
      key: `${connectionId}/${clientId}`,
      clientId,
      name: `App ${clientId}`,
      isConfidential: true,
      scopes: ["PM.OAuthApp"],
    })),
    credentials: apps.flatMap((clientId) =>
      ["c1", "c2"].map((credentialId) => ({
        key: `${connectionId}/${clientId}/${credentialId}`,
        clientId,
        applicationName: `App ${clientId}`,
        credentialId,
        name: credentialId,
        issuer,
        audience: "api://trustdeck",
        subject: `repo:${credentialId}`,
        description: null,
        vendorCreatedAt: "2026-01-01T00:00:00Z",
        vendorUpdatedAt: "2026-01-01T00:00:00Z",
      })),
    ),
  };
}

describe.each(TEST_ENGINES)("a refresh's batched store on $engine", ({ open }) => {
  let handle: Awaited<ReturnType<typeof open>>;
  const connections: ConnectionRead["connection"][] = [];
  const cert = (seed: string) => fakeSummary(seed, "2027-06-01T00:00:00.000Z");

  /** What a connection answers: two sets; every other connection has federated credentials too. */
  const readOf = (i: number, edit: Partial<ConnectionRead> = {}): ConnectionRead => {
    const connection = connections[i]!;
    return {
      connection,
      sets: [
        fakeSet(connection.id, "A", cert(`a1-${i}`), cert(`a0-${i}`)),
        fakeSet(connection.id, "B", cert(`b1-${i}`), null),
      ],
      federation: i % 2 === 0 ? federationOf(connection.id) : null,
      federatedError: null,
      ...edit,
    };
  };
  const all = () => connections.map((_, i) => readOf(i));

  /** Stores the reads at `now`, answering the statements sent and each read's outcome. */
  const store = async (reads: ConnectionRead[], now: Date) => {
    const recorder = recordStatements(handle.db);
    try {
      const outcomes = await storeConnectionReads(handle.db, reads, now);
      return { statements: [...recorder.statements], outcomes: outcomes.map((o) => o.status) };
    } finally {
      recorder.stop();
    }
  };

  beforeAll(async () => {
    handle = await open();
    for (let i = 0; i < 12; i++) {
      connections.push(await createPlaceholderConnection(handle.db, key, `Account ${i}`, i));
    }
    const first = await store(all(), at(0));
    expect(first.outcomes.every((s) => s === "fulfilled")).toBe(true);
  });
  afterAll(() => handle.close());

  it("stores unchanged reads of one connection or of twelve in the same four statements, rewriting no row", async () => {
    const rows = await rowVersions(handle.db);
    const events = await count(handle.db, "inventory_events");
    const one = await store([readOf(0)], at(10));
    const twelve = await store(all(), at(20));
    // Their digests, stored applications, stored federated credentials; one write marking them fresh.
    expect(one.statements).toHaveLength(4);
    expect(twelve.statements).toHaveLength(one.statements.length);
    expect(twelve.outcomes).toEqual(connections.map(() => "fulfilled"));
    expect(await rowVersions(handle.db)).toEqual(rows);
    expect(await count(handle.db, "inventory_events")).toBe(events);
    const fresh = await freshness(handle.db);
    for (const c of connections)
      expect(fresh.get(c.id)).toEqual({
        lastSuccessAt: at(20).toISOString(),
        lastAttemptAt: at(20).toISOString(),
        lastError: null,
        federatedError: null,
      });
  });

  it("writes a changed connection on its own, with history and drift; one that fails fails alone", async () => {
    const [changed, failing, federationFailed, plain] = [0, 1, 2, 3];
    const before = await freshness(handle.db);
    const drift = await count(handle.db, "inventory_drift");
    const reads = [
      readOf(changed, {
        sets: [
          fakeSet(connections[changed]!.id, "A", cert(`a2-${changed}`), cert(`a1-${changed}`)),
          fakeSet(connections[changed]!.id, "B", cert(`b1-${changed}`), null),
        ],
        federation: federationOf(connections[changed]!.id, "https://other-issuer.example"),
      }),
      // A certificate whose date cannot be stored: this connection's transaction fails.
      readOf(failing, {
        sets: [fakeSet(connections[failing]!.id, "A", fakeSummary("bad", "not a date"), null)],
      }),
      readOf(federationFailed, { federation: null, federatedError: "HTTP 403 · PM.OAuthApp missing" }),
      readOf(plain),
    ];
    const { outcomes } = await store(reads, at(30));
    expect(outcomes).toEqual(["fulfilled", "rejected", "fulfilled", "fulfilled"]);

    const after = await freshness(handle.db);
    for (const i of [changed, federationFailed, plain])
      expect(after.get(connections[i]!.id)?.lastSuccessAt).toBe(at(30).toISOString());
    expect(after.get(connections[failing]!.id)).toEqual(before.get(connections[failing]!.id));
    expect(after.get(connections[federationFailed]!.id)?.federatedError).toBe(
      "HTTP 403 · PM.OAuthApp missing",
    );
    expect(await count(handle.db, "inventory_drift")).toBeGreaterThan(drift);

    const history = await query<{ connection_id: string; item_type: string; kind: string }>(
      handle.db,
      sql`SELECT connection_id, item_type, kind FROM inventory_events WHERE occurred_at = ${at(30).toISOString()}::timestamptz`,
    );
    expect(new Set(history.map((h) => h.connection_id))).toEqual(new Set([connections[changed]!.id]));
    expect(history.map((h) => `${h.item_type}:${h.kind}`)).toEqual(
      expect.arrayContaining(["certificate:appeared", "federated-credential:state-changed"]),
    );
  });
});
