import "server-only";
import { unresolvedIntents } from "@/lib/audit/intents";
import type { Database } from "@/lib/db/client";
import { intentOf } from "./recover";

/** A write whose outcome Trustdeck does not know yet, as the UI lists it. */
export interface PendingWrite {
  id: number;
  action: string;
  label: string;
  actorName: string;
  /** ISO 8601 */
  startedAt: string;
}

/**
 * The writes still pending, optionally only those on one connection: shown on the set and
 * credential pages and on the Overview until recovery completes them.
 */
export async function listPendingWrites(
  db: Database,
  filter: { connectionId?: string; setId?: string } = {},
): Promise<PendingWrite[]> {
  const rows = await unresolvedIntents(db);
  return rows.flatMap((row) => {
    const intent = intentOf(row);
    if (filter.connectionId && intent?.connectionId !== filter.connectionId) return [];
    if (filter.setId && !(intent?.kind === "certificate" && intent.setId === filter.setId)) return [];
    return [
      {
        id: row.id,
        action: row.action,
        label: row.targetLabel ?? row.targetId ?? row.action,
        actorName: row.actorName,
        startedAt: row.occurredAt.toISOString(),
      },
    ];
  });
}
