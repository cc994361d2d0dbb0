import "server-only";
import { getDb } from "@/lib/db/get-db";
import { encryptionKey } from "@/lib/secrets/key";
import { recoverPendingWrites } from "./recover";

/** How often pending writes are checked again (a vendor that could not be read, another instance's). */
const CHECK_MS = 60_000;
/**
 * On a database several instances share, a younger intent may be another instance's write in
 * flight: only intents older than the longest a write can take are reconciled.
 */
const MIN_AGE_MS = 2 * 60_000;

const holder = globalThis as typeof globalThis & { __trustdeckRecovery?: NodeJS.Timeout };

/**
 * After a crash, every write without a recorded outcome is reconciled against its vendor: once
 * shortly after start, then every minute until none is left (instrumentation.ts).
 */
export function startWriteRecovery(): void {
  if (holder.__trustdeckRecovery) return;
  let running = false;
  const check = async () => {
    if (running) return;
    running = true;
    try {
      const report = await recoverPendingWrites(await getDb(), encryptionKey(), { minAgeMs: MIN_AGE_MS });
      if (report.applied + report.notApplied > 0)
        console.info(
          `[writes] recovered ${report.applied} applied and ${report.notApplied} not-applied write(s); ${report.pending} still pending`,
        );
    } catch (error) {
      console.error(`[writes] recovery failed: ${error instanceof Error ? error.message : "unknown error"}`);
    } finally {
      running = false;
    }
  };
  holder.__trustdeckRecovery = setInterval(() => void check(), CHECK_MS);
  holder.__trustdeckRecovery.unref();
  setTimeout(() => void check(), 5_000).unref();
}
