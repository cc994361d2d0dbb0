import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { hashEvent, type ChainFields } from "./chain";

export type ChainBreak = {
  /** The `id` of the first event that does not fit the chain (null: the head row disagrees). */
  eventId: number | null;
  chainSeq: number | null;
  reason: "hash-mismatch" | "prev-hash-mismatch" | "sequence-gap" | "head-mismatch" | "unchained";
};

export type ChainReport = { ok: true; events: number } | ({ ok: false; events: number } & ChainBreak);

type Row = ChainFields & { id: string; hash: string | null; [key: string]: unknown };

const BATCH = 1000;

/** Raw SQL rows; both drivers (PGlite, node-postgres) answer `{ rows }`. */
export async function queryRows<T>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * Walk the audit chain in order and recompute every hash independently of the database's
 * trigger. Stops at the first event that was edited, removed or inserted out of chain.
 */
export async function verifyAuditChain(db: Database): Promise<ChainReport> {
  let expectedSeq = 1;
  let prevHash: string | null = null;
  let events = 0;
  for (;;) {
    const rows = await readBatch(db, expectedSeq);
    for (const row of rows) {
      const broken = (reason: ChainBreak["reason"]): ChainReport => ({
        ok: false,
        events,
        eventId: Number(row.id),
        chainSeq: row.chainSeq === null ? null : Number(row.chainSeq),
        reason,
      });
      if (row.chainSeq === null || row.hash === null) return broken("unchained");
      if (Number(row.chainSeq) !== expectedSeq) return broken("sequence-gap");
      if (row.prevHash !== prevHash) return broken("prev-hash-mismatch");
      if (hashEvent(row) !== row.hash) return broken("hash-mismatch");
      prevHash = row.hash;
      expectedSeq += 1;
      events += 1;
    }
    if (rows.length < BATCH) break;
  }
  const [stray] = await queryRows<{ id: string }>(
    db,
    sql`SELECT id::text AS id FROM audit_events WHERE chain_seq IS NULL OR hash IS NULL ORDER BY id LIMIT 1`,
  );
  if (stray) return { ok: false, events, eventId: Number(stray.id), chainSeq: null, reason: "unchained" };
  const [headRow] = await queryRows<{ seq: string; hash: string | null }>(
    db,
    sql`SELECT seq::text AS seq, hash FROM audit_chain_head WHERE id = 1`,
  );
  // Events removed from the end leave the head pointing past the last event.
  if (!headRow || Number(headRow.seq) !== events || headRow.hash !== prevHash)
    return {
      ok: false,
      events,
      eventId: null,
      chainSeq: headRow ? Number(headRow.seq) : null,
      reason: "head-mismatch",
    };
  return { ok: true, events };
}

async function readBatch(db: Database, fromSeq: number): Promise<Row[]> {
  return queryRows<Row>(
    db,
    sql`
    SELECT id::text AS "id", chain_seq::text AS "chainSeq", prev_hash AS "prevHash", hash,
      to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "occurredAt",
      actor_id::text AS "actorId", actor_name AS "actorName", actor_role AS "actorRole",
      action, target_type AS "targetType", target_id AS "targetId", target_label AS "targetLabel",
      outcome, vendor_request_id AS "vendorRequestId", source_ip AS "sourceIp", details::text AS "details",
      intent_id::text AS "intentId"
    FROM audit_events
    WHERE chain_seq >= ${fromSeq}
    ORDER BY chain_seq
    LIMIT ${BATCH}`,
  );
}
