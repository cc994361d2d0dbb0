import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import type { CertificateSet } from "@/lib/vendors/model";
import {
  federationWrites,
  storedFederations,
  storeFederationWrites,
  type ObservedFederation,
} from "./federated-snapshot";
import { storedStates, type StoredState } from "./snapshot-digest";
import { applyCertificateSnapshot, snapshotUnchanged } from "./snapshot";
import type { ConnectionRef } from "./types";

/** What was read from one connection, to be stored. */
export interface ConnectionRead {
  connection: ConnectionRef;
  sets: CertificateSet[];
  /** Its federated credentials, null when its vendor has none or they could not be read. */
  federation: ObservedFederation | null;
  /** Why its federated credentials could not be read; null when they could or there are none. */
  federatedError: string | null;
}

const NOTHING_STORED: StoredState = { lastSuccessAt: null, count: 0, digest: "" };

/**
 * Store what was read from several connections at once, as a refresh does with the answers that
 * arrive together. What they are compared against is read for all of them in three statements
 * (every connection's digest, then the stored applications and federated credentials); a
 * connection whose certificates or federated credentials changed is written on its own, as
 * before (one transaction each, with its history, drift and audit); then one statement marks
 * every connection stored fresh and records whether its federated credentials could be read.
 * An unchanged batch of any size is four statements.
 *
 * Answers one outcome per read: rejected when that connection's writes failed (the others are
 * stored all the same).
 */
export async function storeConnectionReads(
  db: Database,
  reads: readonly ConnectionRead[],
  now: Date,
): Promise<PromiseSettledResult<void>[]> {
  const ids = reads.map((r) => r.connection.id);
  const federated = reads.filter((r) => r.federation).map((r) => r.connection.id);
  const [states, federations] = await Promise.all([storedStates(db, ids), storedFederations(db, federated)]);
  const outcomes = await Promise.allSettled(
    reads.map(async ({ connection, sets, federation, federatedError }) => {
      const input = { connection, sets, now, federatedError };
      const kept = states.get(connection.id) ?? NOTHING_STORED;
      if (!snapshotUnchanged(input, kept)) await applyCertificateSnapshot(db, input, kept);
      if (federation) {
        const stored = federations.get(connection.id)!;
        await storeFederationWrites(
          db,
          connection.id,
          federationWrites(connection.id, stored, federation, now),
          now,
        );
      }
    }),
  );
  await markReadsFresh(
    db,
    reads.filter((_, i) => outcomes[i]!.status === "fulfilled"),
    now,
  );
  return outcomes;
}

/**
 * Marks connections read successfully `now`, in one statement: their last attempt and last
 * success, no error, and whether their federated credentials could be read (left as they are
 * for a vendor without any). Every connection stored has its row: a first snapshot writes it.
 */
async function markReadsFresh(db: Database, reads: readonly ConnectionRead[], now: Date): Promise<void> {
  if (reads.length === 0) return;
  const values = sql.join(
    reads.map(
      (r) =>
        sql`(${r.connection.id}::uuid, ${r.federation !== null || r.federatedError !== null}::boolean, ${r.federatedError}::text)`,
    ),
    sql`, `,
  );
  const at = now.toISOString();
  // Rows are locked in connection-id order first (a materialised CTE, read whole before the
  // update starts): two processes refreshing at once then wait for each other instead of each
  // holding a row the other needs, which PostgreSQL would end by failing one batch (deadlock).
  await db.execute(sql`WITH r(connection_id, federated_read, federated_error) AS (VALUES ${values}),
    locked AS MATERIALIZED (
      SELECT c.connection_id FROM inventory_connections AS c
      WHERE c.connection_id IN (SELECT connection_id FROM r)
      ORDER BY c.connection_id FOR UPDATE OF c
    )
    UPDATE inventory_connections AS c
    SET last_attempt_at = ${at}::timestamptz, last_success_at = ${at}::timestamptz, last_error = NULL,
      federated_error = CASE WHEN r.federated_read THEN r.federated_error ELSE c.federated_error END
    FROM r
    WHERE c.connection_id = r.connection_id
      AND c.connection_id IN (SELECT connection_id FROM locked)`);
}
