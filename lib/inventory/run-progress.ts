import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { inventoryRefreshRuns } from "@/lib/db/schema";

/** A connection that failed in a run, as the run's progress lists it. */
export interface RunFailure {
  connectionId: string;
  name: string;
  vendor: string;
  message: string;
}

/** How often a run's stored progress is brought up to date while it goes on. */
const FLUSH_EVERY_MS = 250;

/**
 * A run's progress (connections done, failures), stored in the run's row so any instance can
 * report it. Connections finish many per second on a large refresh, so their progress is written
 * at most every 250 ms in one statement, and in full when the run ends: the progress bar lags by
 * a quarter second at most, and a refresh of 50 connections writes a few rows instead of 50.
 */
export function runProgress(db: Database, runId: string, flushEveryMs = FLUSH_EVERY_MS) {
  let done = 0;
  let failures: RunFailure[] = [];
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();

  const flush = (): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    if (done === 0) return writing;
    const [count, failed] = [done, failures];
    done = 0;
    failures = [];
    writing = writing
      .then(async () => {
        await db
          .update(inventoryRefreshRuns)
          .set({
            done: sql`${inventoryRefreshRuns.done} + ${count}`,
            failures: sql`${inventoryRefreshRuns.failures} || ${JSON.stringify(failed)}::jsonb`,
          })
          .where(eq(inventoryRefreshRuns.id, runId));
      })
      .catch((error: unknown) =>
        console.error(
          `[inventory] storing refresh progress failed: ${error instanceof Error ? error.message : "unknown error"}`,
        ),
      );
    return writing;
  };

  return {
    /** One connection is done, with its failure if it failed. */
    record(failure: RunFailure | null): void {
      done++;
      if (failure) failures.push(failure);
      timer ??= setTimeout(() => void flush(), flushEveryMs);
    },
    /** Writes what is left; resolves once every progress write is stored. */
    finish: flush,
  };
}
