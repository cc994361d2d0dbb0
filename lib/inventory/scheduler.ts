import "server-only";
import type { Database } from "@/lib/db/client";
import { processDueDeliveries } from "./alerts/deliver";
import { evaluateAlerts } from "./alerts/fire";
import type { WebhookSender } from "./alerts/webhook";
import { SCHEDULED_REFRESH_LOCK, tryWithLock } from "./lock";
import { lastScheduledStart } from "./refresh";
import { refreshAndAlert } from "./refresh-and-alert";

/** What one tick did, for tests and logs. */
export type TickOutcome = { refreshed: boolean; reason: "ran" | "not-due" | "locked" | "disabled" };

/**
 * One scheduler tick at `now`. Checks the alert rules against the snapshot and retries due
 * webhooks (the firing index and delivery claims make that safe on every instance),
 * then — holding the database lock so only one instance does it — starts a scheduled refresh
 * if the last one began at least `intervalMinutes` ago. The lock is held until the refresh and
 * its alerts finish, so a second instance ticking meanwhile skips.
 */
export async function schedulerTick(
  db: Database,
  key: Uint8Array,
  options: { now: Date; intervalMinutes: number; clock?: () => Date; send?: WebhookSender },
): Promise<TickOutcome> {
  // Thresholds are crossed by time alone, between refreshes too; the unique firing index keeps
  // concurrent instances from alerting twice.
  await evaluateAlerts(db, options.now);
  await processDueDeliveries(db, key, options.now, options.send);
  if (options.intervalMinutes <= 0) return { refreshed: false, reason: "disabled" };
  const result = await tryWithLock(db, SCHEDULED_REFRESH_LOCK, async (): Promise<TickOutcome> => {
    const last = await lastScheduledStart(db);
    if (last && options.now.getTime() - last.getTime() < options.intervalMinutes * 60_000)
      return { refreshed: false, reason: "not-due" };
    const run = await refreshAndAlert(db, key, {
      trigger: "scheduled",
      actorName: "scheduler",
      clock: options.clock ?? (() => options.now),
      send: options.send,
    });
    await run.finished;
    return { refreshed: !run.joined, reason: "ran" };
  });
  return result.acquired ? result.value : { refreshed: false, reason: "locked" };
}
