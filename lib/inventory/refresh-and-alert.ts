import "server-only";
import type { Database } from "@/lib/db/client";
import { evaluateAlerts } from "./alerts/fire";
import { processDueDeliveries } from "./alerts/deliver";
import type { WebhookSender } from "./alerts/webhook";
import { startRefresh, type RefreshOptions } from "./refresh";

/**
 * Start a refresh; when it finishes, check the alert rules against the new snapshot and send
 * what is due. Returns as soon as the run exists, so the caller can show progress.
 */
export async function refreshAndAlert(
  db: Database,
  key: Uint8Array,
  options: RefreshOptions & { send?: WebhookSender },
): Promise<{ runId: string; joined: boolean; finished: Promise<void> }> {
  const clock = options.clock ?? (() => new Date());
  const run = await startRefresh(db, key, options);
  const finished = run.joined
    ? run.finished
    : run.finished
        .then(async () => {
          await evaluateAlerts(db, clock());
          await processDueDeliveries(db, key, clock(), options.send);
        })
        .catch((error: unknown) =>
          console.error(
            `[inventory] alerts after refresh failed: ${error instanceof Error ? error.message : "unknown error"}`,
          ),
        );
  return { ...run, finished };
}
