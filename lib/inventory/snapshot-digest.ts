import "server-only";
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { EMPTY_SET_DIGEST_COLUMNS } from "./empty-sets";

/**
 * What can change about a certificate that keeps its key (`<connection>/<set>/<sha256>`): where
 * it sits and what sign-in depends on it for. Everything else in a row is read from the DER that
 * the key's SHA-256 pins, so it cannot change while the key stays.
 */
export interface DigestFields {
  key: string;
  setLabel: string;
  setKind: string;
  slot: string;
  state?: string | null;
  role?: string | null;
  setBreaksAt?: Date | null;
}

// Each field as `<length>:<text>` (null as `-`), so no value can be mistaken for a separator;
// rows in key order (byte order in SQL, code-unit order here: the same for every key Trustdeck
// makes, and a key where they differ only costs the full comparison).
const field = (value: string | null | undefined) =>
  value === null || value === undefined ? "-" : `${value.length}:${value}`;

/** The digest of a connection's present certificates and empty sets, as `storedState` computes it in SQL. */
export function observedDigest(rows: readonly DigestFields[]): { count: number; digest: string } {
  const lines = rows
    .map((r) =>
      [
        r.key,
        r.setLabel,
        r.setKind,
        r.slot,
        r.state,
        r.role,
        r.setBreaksAt ? String(r.setBreaksAt.getTime()) : null,
      ]
        .map(field)
        .join(""),
    )
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { count: rows.length, digest: createHash("sha256").update(lines.join("\n"), "utf8").digest("hex") };
}

const sqlField = (column: string) => `coalesce(char_length(${column})::text || ':' || ${column}, '-')`;

const lineOf = (columns: readonly string[]) => columns.map(sqlField).join(" || ");
const LINE = lineOf([
  "key",
  "set_label",
  "set_kind",
  "slot",
  "state",
  "role",
  "(extract(epoch from set_breaks_at) * 1000)::bigint::text",
]);
const EMPTY_SET_LINE = lineOf(EMPTY_SET_DIGEST_COLUMNS);

/** What the inventory holds for a connection, in one row: its last success and its rows' digest. */
export interface StoredState {
  lastSuccessAt: Date | null;
  count: number;
  digest: string;
}

/**
 * The connection's last successful read and the digest of its present certificates and empty
 * sets (lib/inventory/empty-sets.ts), computed by
 * the database in one statement: a refresh that finds the digest equal to what it read has
 * nothing to write, and reads one row instead of every certificate.
 */
export async function storedState(db: Pick<Database, "execute">, connectionId: string): Promise<StoredState> {
  return (await storedStates(db, [connectionId])).get(connectionId)!;
}

/** `storedState` of several connections in one statement (a refresh stores what it read in batches). */
export async function storedStates(
  db: Pick<Database, "execute">,
  connectionIds: readonly string[],
): Promise<Map<string, StoredState>> {
  if (connectionIds.length === 0) return new Map();
  const ids = sql.join(
    connectionIds.map((id) => sql`(${id}::uuid)`),
    sql`, `,
  );
  const result = (await db.execute(
    sql`SELECT ids.id::text AS connection_id,
      (SELECT (extract(epoch from last_success_at) * 1000)::bigint FROM inventory_connections WHERE connection_id = ids.id) AS last_success_ms,
      digests.count, digests.digest
      FROM (VALUES ${ids}) AS ids(id)
      CROSS JOIN LATERAL (
        SELECT count(*)::int AS count,
        encode(sha256(convert_to(coalesce(string_agg(line, E'\n' ORDER BY line COLLATE "C"), ''), 'UTF8')), 'hex') AS digest
        FROM (
          SELECT ${sql.raw(LINE)} AS line FROM inventory_certificates WHERE connection_id = ids.id AND gone_at IS NULL
          UNION ALL
          SELECT ${sql.raw(EMPTY_SET_LINE)} FROM inventory_empty_sets WHERE connection_id = ids.id
        ) AS lines
      ) AS digests`,
  )) as unknown as {
    rows: { connection_id: string; last_success_ms: number | string | null; count: number; digest: string }[];
  };
  return new Map(
    result.rows.map((row) => {
      const ms = row.last_success_ms;
      return [
        row.connection_id,
        {
          lastSuccessAt: ms === null || ms === undefined ? null : new Date(Number(ms)),
          count: Number(row.count ?? 0),
          digest: row.digest ?? "",
        },
      ];
    }),
  );
}
