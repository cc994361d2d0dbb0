import "server-only";
import { getDb, ServerConfigError, requireServerConfig } from "@/lib/db/get-db";
import { getEnv } from "@/lib/env";
import { encryptionKey } from "@/lib/secrets/key";
import { schedulerTick } from "./scheduler";

/** How often the server checks whether a scheduled refresh or a webhook retry is due. */
const TICK_MS = 60_000;

const holder = globalThis as typeof globalThis & { __trustdeckScheduler?: NodeJS.Timeout };

/** Whether this process's scheduler has started (for `/api/ready`). */
export function schedulerStarted(): boolean {
  return holder.__trustdeckScheduler !== undefined;
}

/**
 * Start the in-server scheduler once per process (instrumentation.ts, Node.js runtime only). A
 * process without valid settings starts none: it must never open the database, whose folder may
 * belong to a configured dashboard.
 */
export function startInventoryScheduler(): void {
  if (holder.__trustdeckScheduler) return;
  try {
    requireServerConfig();
  } catch (error) {
    if (!(error instanceof ServerConfigError)) throw error;
    console.error(`[inventory] the scheduler is not started. ${error.message}`);
    return;
  }
  let running = false;
  const tick = async () => {
    if (running) return; // a long refresh outlasts a tick: never stack them
    running = true;
    try {
      const db = await getDb();
      await schedulerTick(db, encryptionKey(), {
        now: new Date(),
        intervalMinutes: getEnv().INVENTORY_REFRESH_INTERVAL_MINUTES,
        clock: () => new Date(),
      });
    } catch (error) {
      console.error(
        `[inventory] scheduler tick failed: ${error instanceof Error ? error.message : "unknown error"}`,
      );
    } finally {
      running = false;
    }
  };
  holder.__trustdeckScheduler = setInterval(() => void tick(), TICK_MS);
  holder.__trustdeckScheduler.unref();
  // First check shortly after start, not at once: let the server finish booting and migrating.
  setTimeout(() => void tick(), 15_000).unref();
}
