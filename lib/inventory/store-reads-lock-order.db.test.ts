import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "pg";
import { generateKey, parseKey } from "@/lib/secrets/crypto";
import { openTestPostgres } from "@/lib/testing/databases";
import { storeConnectionReads, type ConnectionRead } from "./store-reads";
import { createPlaceholderConnection } from "./testing/placeholder-connection";
import { fakeSet, fakeSummary } from "./testing/fake-certificates";

const key = parseKey(generateKey());
const t0 = new Date("2026-06-01T00:00:00.000Z");
const t1 = new Date("2026-06-01T00:10:00.000Z");

/**
 * Two processes refreshing at once (two instances, "Refresh all" pressed on both) each mark their
 * batch fresh in one multi-row UPDATE. If each locked its rows in its own order, the two could
 * deadlock and PostgreSQL would fail one batch. Rows are locked in connection-id order instead,
 * whatever order the answers arrived in and whichever join the planner picks: a batch waiting for
 * the first row has locked none of the others.
 */
describe("a batch marks its connections fresh in one lock order", () => {
  let handle: Awaited<ReturnType<typeof openTestPostgres>>;
  let holder: Client;
  let prober: Client;

  beforeAll(async () => {
    handle = await openTestPostgres();
    holder = new Client({ connectionString: handle.url });
    prober = new Client({ connectionString: handle.url });
    await Promise.all([holder.connect(), prober.connect()]);
  });
  afterAll(async () => {
    await holder?.end();
    await prober?.end();
    await handle?.close();
  });

  async function connectionsStored(count: number, label: string): Promise<ConnectionRead[]> {
    const reads: ConnectionRead[] = [];
    for (let i = 0; i < count; i++) {
      const connection = await createPlaceholderConnection(handle.db, key, `${label} ${i}`, i);
      const sets = [
        fakeSet(connection.id, "A", fakeSummary(`${label}-${i}`, "2027-06-01T00:00:00.000Z"), null),
      ];
      reads.push({ connection, sets, federation: null, federatedError: null });
    }
    await storeConnectionReads(handle.db, reads, t0);
    return reads;
  }

  async function isLocked(connectionId: string): Promise<boolean> {
    await prober.query("BEGIN");
    try {
      await prober.query("SELECT 1 FROM inventory_connections WHERE connection_id = $1 FOR UPDATE NOWAIT", [
        connectionId,
      ]);
      return false;
    } catch (error) {
      if ((error as { code?: string }).code === "55P03") return true; // lock_not_available
      throw error;
    } finally {
      await prober.query("ROLLBACK");
    }
  }

  async function waitUntilBlocked(): Promise<void> {
    for (;;) {
      const { rows } = await prober.query<{ waiting: number }>(
        `SELECT count(*)::int AS waiting FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%inventory_connections%'`,
      );
      if (rows[0]!.waiting > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it.each([2, 12])(
    "%i connections: waiting for the lowest id, it holds none of the others",
    async (count) => {
      const reads = await connectionsStored(count, `Batch of ${count}`);
      const byId = [...reads].sort((a, b) => (a.connection.id < b.connection.id ? -1 : 1));
      const lowest = byId[0]!.connection.id;
      // Another process holds the lowest id's row; the answers arrive highest id first.
      await holder.query("BEGIN");
      await holder.query("SELECT 1 FROM inventory_connections WHERE connection_id = $1 FOR UPDATE", [lowest]);
      const stored = storeConnectionReads(handle.db, [...byId].reverse(), t1);
      try {
        await waitUntilBlocked();
        for (const read of byId.slice(1)) expect(await isLocked(read.connection.id)).toBe(false);
      } finally {
        await holder.query("ROLLBACK");
      }
      expect((await stored).every((outcome) => outcome.status === "fulfilled")).toBe(true);
      const { rows } = await prober.query<{ fresh: number }>(
        "SELECT count(*)::int AS fresh FROM inventory_connections WHERE connection_id = ANY($1) AND last_success_at = $2",
        [reads.map((r) => r.connection.id), t1],
      );
      expect(rows[0]!.fresh).toBe(count);
    },
  );
});
