import type { Database } from "@/lib/db/client";
import { refreshConnectionOnce } from "@/lib/inventory/refresh-connection";
import type { InventoryConnection } from "@/lib/inventory/types";
import { withDeadline } from "@/lib/inventory/with-deadline";
import { encryptionKey } from "@/lib/secrets/key";

/** How long a section waits for the first read of a never-read connection before streaming without it. */
const FIRST_READ_DEADLINE_MS = 8_000;

/**
 * Read the connections that were never read (new ones) into the inventory — each once, shared
 * with every other section and user asking — waiting at most the deadline. Every other
 * connection is left alone: looking at a list never calls a vendor it has already read.
 * True when there was something to read.
 */
export async function firstReads(db: Database, connections: InventoryConnection[]): Promise<boolean> {
  const due = connections.filter((c) => !c.lastAttemptAt);
  if (due.length === 0) return false;
  await withDeadline(
    Promise.all(due.map((c) => refreshConnectionOnce(db, encryptionKey(), c.id).catch(() => null))),
    FIRST_READ_DEADLINE_MS,
  );
  return true;
}
