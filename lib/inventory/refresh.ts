import "server-only";
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { connections, inventoryRefreshRuns } from "@/lib/db/schema";
import { loadVendorConnection, openConnections } from "@/lib/connections/data";
import { VENDOR_DESCRIPTORS, type Vendor } from "@/lib/vendors/descriptors";
import { groupCommit } from "./group-commit";
import { groupBy, runPipelined } from "./pool";
import { readConnection, storeOutcomes, type ReadOutcome } from "./read-connection";
import { runProgress } from "./run-progress";
import type { ConnectionRef } from "./types";

/**
 * Connections read at once per vendor, from each descriptor's `refreshConcurrency`. Vendors run
 * side by side; within one vendor the bound keeps us under its rate limits.
 * `INVENTORY_REFRESH_CONCURRENCY` overrides every vendor's.
 */
const concurrencyOf = (vendor: Vendor) => VENDOR_DESCRIPTORS[vendor].refreshConcurrency;

/**
 * How long a run's first answer waits for others before they are stored together. The answers of
 * one round arrive a few milliseconds apart; reads never wait for stores, so this delays only when
 * each connection shows as fresh, by a fiftieth of a second (the last answer goes at once).
 */
const STORE_GATHER_MS = 20;

/** A run older than this without finishing is assumed dead (its server stopped) and not joined. */
const RUN_TIMEOUT_MS = 15 * 60_000;

export interface RefreshOptions {
  trigger: "manual" | "scheduled";
  actorName: string;
  clock?: () => Date;
  concurrency?: Partial<Record<Vendor, number>>;
}

/** Read one connection and store its snapshot; on failure keep the old one and mark it stale. */
async function refreshConnection(
  db: Database,
  key: Uint8Array,
  ref: ConnectionRef,
  clock: () => Date,
): Promise<string | null> {
  const outcome = await readConnection(ref, loadVendorConnection(db, key, ref.id));
  const [failure] = await storeOutcomes(db, [{ ref, outcome }], clock());
  return failure!;
}

/**
 * One statement loads the connections asked for together (a run's next round), and one batch
 * stores the answers that arrive together (lib/inventory/store-reads.ts): a run's statements
 * grow with its rounds and bursts of answers, not with its connections.
 */
function batchedSteps(db: Database, key: Uint8Array, clock: () => Date) {
  const load = groupCommit(async (ids: string[]) =>
    (await openConnections(db, key, ids, { allowDisabled: true })).map(async (gate) => {
      const opened = await gate;
      return opened.ok ? opened.conn : undefined;
    }),
  );
  const store = groupCommit(
    (items: { ref: ConnectionRef; outcome: ReadOutcome }[]) => storeOutcomes(db, items, clock()),
    STORE_GATHER_MS,
  );
  return { load, store };
}

/**
 * Refresh one enabled connection now, outside any run (the list pages' "Refresh this
 * connection"): the same read and snapshot as a run. Null when the connection does not exist or
 * is disabled; otherwise the failure message, or null on success.
 */
export async function refreshOneConnection(
  db: Database,
  key: Uint8Array,
  connectionId: string,
  clock: () => Date = () => new Date(),
): Promise<{ failure: string | null } | null> {
  const [ref] = await db
    .select({ id: connections.id, name: connections.name, vendor: connections.vendor })
    .from(connections)
    .where(and(eq(connections.id, connectionId), eq(connections.enabled, true)));
  if (!ref) return null;
  return { failure: await refreshConnection(db, key, ref, clock) };
}

/** The run in progress, if one started recently and has not finished. */
export async function currentRun(db: Database, now: Date): Promise<string | null> {
  const [row] = await db
    .select({ id: inventoryRefreshRuns.id })
    .from(inventoryRefreshRuns)
    .where(
      and(
        isNull(inventoryRefreshRuns.finishedAt),
        gt(inventoryRefreshRuns.startedAt, new Date(now.getTime() - RUN_TIMEOUT_MS)),
      ),
    )
    .orderBy(desc(inventoryRefreshRuns.startedAt))
    .limit(1);
  return row?.id ?? null;
}

/**
 * Start a refresh of every enabled connection and return its run id at once; `finished`
 * settles when all connections are done. Progress is stored per connection so any instance
 * can report it. When a run is already going, joins it instead of starting another.
 */
export async function startRefresh(
  db: Database,
  key: Uint8Array,
  options: RefreshOptions,
): Promise<{ runId: string; joined: boolean; finished: Promise<void> }> {
  const clock = options.clock ?? (() => new Date());
  const running = await currentRun(db, clock());
  if (running) return { runId: running, joined: true, finished: Promise.resolve() };

  const targets = await db
    .select({ id: connections.id, name: connections.name, vendor: connections.vendor })
    .from(connections)
    .where(eq(connections.enabled, true));
  const [run] = await db
    .insert(inventoryRefreshRuns)
    .values({
      trigger: options.trigger,
      actorName: options.actorName,
      startedAt: clock(),
      total: targets.length,
    })
    .returning({ id: inventoryRefreshRuns.id });
  const runId = run!.id;
  const override = getEnv().INVENTORY_REFRESH_CONCURRENCY;

  const finished = (async () => {
    const progress = runProgress(db, runId);
    const steps = batchedSteps(db, key, clock);
    let answered = 0;
    const byVendor = groupBy(targets, (t) => t.vendor);
    await Promise.all(
      [...byVendor].map(([vendor, list]) =>
        runPipelined(list, options.concurrency?.[vendor] ?? override ?? concurrencyOf(vendor), {
          // Loaded one round ahead: a read must not wait behind the snapshots being stored.
          prepare: (ref) => steps.load(ref.id),
          read: (ref, loaded) => readConnection(ref, loaded),
          store: async (ref, outcome) => {
            const stored = steps.store({ ref, outcome });
            // The last answer of the run: nothing more is coming to wait for.
            if (++answered === targets.length) steps.store.flush();
            const failure = await stored;
            progress.record(
              failure ? { connectionId: ref.id, name: ref.name, vendor: ref.vendor, message: failure } : null,
            );
          },
        }),
      ),
    );
    await progress.finish();
    await db
      .update(inventoryRefreshRuns)
      .set({ finishedAt: clock() })
      .where(eq(inventoryRefreshRuns.id, runId));
  })();
  return { runId, joined: false, finished };
}

/** Progress of one run, for the progress route. */
export async function readRefreshRun(db: Database, runId: string) {
  const [row] = await db.select().from(inventoryRefreshRuns).where(eq(inventoryRefreshRuns.id, runId));
  if (!row) return null;
  return {
    id: row.id,
    trigger: row.trigger,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    total: row.total,
    done: row.done,
    failures: row.failures,
  };
}

/** When the last scheduled run started, for deciding whether the next one is due. */
export async function lastScheduledStart(db: Database): Promise<Date | null> {
  const [row] = await db
    .select({ startedAt: inventoryRefreshRuns.startedAt })
    .from(inventoryRefreshRuns)
    .where(eq(inventoryRefreshRuns.trigger, "scheduled"))
    .orderBy(desc(inventoryRefreshRuns.startedAt))
    .limit(1);
  return row?.startedAt ?? null;
}
