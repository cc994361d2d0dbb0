import "server-only";
import type { Database } from "@/lib/db/client";
import { evaluateAlerts } from "./alerts/fire";
import { refreshOneConnection } from "./refresh";

type Outcome = Awaited<ReturnType<typeof refreshOneConnection>>;

const holder = globalThis as typeof globalThis & {
  __trustdeckConnectionRefreshes?: Map<string, Promise<Outcome>>;
};
const inFlight = (holder.__trustdeckConnectionRefreshes ??= new Map());

/** How many refreshes of a connection are running in this process (0 or 1), for tests. */
export function connectionRefreshesInFlight(connectionId: string): number {
  return inFlight.has(connectionId) ? 1 : 0;
}

/**
 * Refresh one connection's inventory now, once at a time: every caller asking while a refresh
 * of that connection runs in this process gets the same result instead of a second read. The
 * vendor calls go through the same HTTP path, and so the same per-account rate budget, as the
 * scheduled refresh. Alert rules are checked against the new snapshot afterwards.
 */
export function refreshConnectionOnce(
  db: Database,
  key: Uint8Array,
  connectionId: string,
  clock: () => Date = () => new Date(),
): Promise<Outcome> {
  const running = inFlight.get(connectionId);
  if (running) return running;
  const started = (async () => {
    try {
      const outcome = await refreshOneConnection(db, key, connectionId, clock);
      if (outcome)
        await evaluateAlerts(db, clock()).catch((error: unknown) =>
          console.error(
            `[inventory] alerts after a connection refresh failed: ${error instanceof Error ? error.message : "unknown error"}`,
          ),
        );
      return outcome;
    } finally {
      inFlight.delete(connectionId);
    }
  })();
  inFlight.set(connectionId, started);
  return started;
}
