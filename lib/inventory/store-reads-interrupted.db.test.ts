import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "pg";
import { generateKey, parseKey } from "@/lib/secrets/crypto";
import { openTestPostgres } from "@/lib/testing/databases";
import type { ObservedFederation } from "./federated-snapshot";
import { storeConnectionReads, type ConnectionRead } from "./store-reads";
import { createPlaceholderConnection } from "./testing/placeholder-connection";
import { fakeSet, fakeSummary } from "./testing/fake-certificates";

const key = parseKey(generateKey());
const t0 = new Date("2026-06-01T00:00:00.000Z");
const t1 = new Date("2026-06-01T00:10:00.000Z");
const cert = (seed: string) => fakeSummary(seed, "2027-06-01T00:00:00.000Z");

const federationOf = (connectionId: string): ObservedFederation => ({
  applications: [
    { key: `${connectionId}/app`, clientId: "app", name: "App", isConfidential: true, scopes: [] },
  ],
  credentials: [],
});

/**
 * What a second process sees while a batch is being stored (and what stays if this process is
 * killed there): a connection whose certificates were written must not look freshly read with no
 * federated error when its federated credentials could not be read.
 */
describe("a batch stored halfway, seen from a second PostgreSQL client", () => {
  let handle: Awaited<ReturnType<typeof openTestPostgres>>;
  let other: Client;
  const ids: string[] = [];

  beforeAll(async () => {
    handle = await openTestPostgres();
    other = new Client({ connectionString: handle.url });
    await other.connect();
    for (const i of [0, 1]) {
      ids.push((await createPlaceholderConnection(handle.db, key, `Account ${i}`, i)).id);
    }
  });
  afterAll(async () => {
    await other?.end();
    await handle?.close();
  });

  const readOf = (i: number, edit: Partial<ConnectionRead> = {}): ConnectionRead => ({
    connection: { id: ids[i]!, name: `Account ${i}`, vendor: "cloudflare" },
    sets: [fakeSet(ids[i]!, "A", cert(`a1-${i}`), null)],
    federation: federationOf(ids[i]!),
    federatedError: null,
    ...edit,
  });

  it("records a failed federated read with the certificates that made the connection fresh", async () => {
    const first = await storeConnectionReads(handle.db, [readOf(0), readOf(1)], t0);
    expect(first.map((o) => o.status)).toEqual(["fulfilled", "fulfilled"]);

    // The other connection's row is held (another process storing it): the batch's last statement waits.
    await other.query("BEGIN");
    await other.query("SELECT 1 FROM inventory_connections WHERE connection_id = $1 FOR UPDATE", [ids[1]]);
    const changed = readOf(0, {
      sets: [fakeSet(ids[0]!, "A", cert("a2-0"), cert("a1-0"))],
      federation: null,
      federatedError: "HTTP 403 · PM.OAuthApp missing",
    });
    const storing = storeConnectionReads(handle.db, [changed, readOf(1)], t1);
    try {
      for (let waited = 0; ; waited++) {
        const { rows } = await other.query(
          `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        if (rows.length > 0) break;
        if (waited > 500) throw new Error("the batch never reached its freshness statement");
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const { rows } = await other.query(
        "SELECT last_success_at, federated_error FROM inventory_connections WHERE connection_id = $1",
        [ids[0]],
      );
      const row = rows[0] as { last_success_at: Date; federated_error: string | null };
      // Shown as read at t1 …
      expect(row.last_success_at.toISOString()).toBe(t1.toISOString());
      // … so the federated list must say its federated credentials could not be read.
      expect(row.federated_error).toBe("HTTP 403 · PM.OAuthApp missing");
    } finally {
      await other.query("ROLLBACK");
      await storing;
    }
  });
});
