import "server-only";
import type { Database } from "@/lib/db/client";

/** Any constant distinct from the migration lock: the scheduled inventory refresh. */
export const SCHEDULED_REFRESH_LOCK = 727_465_009;

type PoolLike = {
  connect: () => Promise<{
    query: (text: string, values?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;
    release: () => void;
  }>;
  totalCount: number;
};

function postgresPool(db: Database): PoolLike | null {
  const client = (db as unknown as { $client?: unknown }).$client;
  // node-postgres' Pool; PGlite has neither `totalCount` nor pooled clients.
  return client && typeof client === "object" && "totalCount" in client && "connect" in client
    ? (client as PoolLike)
    : null;
}

// PGlite is one process with one connection: an in-process flag per database is the whole lock.
const heldInProcess = new WeakMap<Database, Set<number>>();

/**
 * Run `fn` only if this process obtains the lock, without waiting for it. On PostgreSQL this is
 * a session advisory lock held on one pooled connection for the duration, so several instances
 * sharing the database never run `fn` at once; on PGlite (single process) an in-process flag.
 */
export async function tryWithLock<T>(
  db: Database,
  lockKey: number,
  fn: () => Promise<T>,
): Promise<{ acquired: true; value: T } | { acquired: false }> {
  const pool = postgresPool(db);
  if (!pool) {
    const held = heldInProcess.get(db) ?? new Set<number>();
    heldInProcess.set(db, held);
    if (held.has(lockKey)) return { acquired: false };
    held.add(lockKey);
    try {
      return { acquired: true, value: await fn() };
    } finally {
      held.delete(lockKey);
    }
  }
  const client = await pool.connect();
  try {
    const { rows } = await client.query("SELECT pg_try_advisory_lock($1) AS ok", [lockKey]);
    if (rows[0]?.ok !== true) return { acquired: false };
    try {
      return { acquired: true, value: await fn() };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [lockKey]).catch(() => undefined);
    }
  } finally {
    client.release();
  }
}
