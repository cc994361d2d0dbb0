import "server-only";
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { connections, inventoryRefreshRuns } from "@/lib/db/schema";
import { loadVendorConnection } from "@/lib/connections/data";
import { VENDOR_DESCRIPTORS, type Vendor } from "@/lib/vendors/descriptors";
import { processMetrics } from "@/lib/metrics/registry";
import { isVendorError } from "@/lib/vendors/errors";
import type { VendorConnection } from "@/lib/vendors/model";
import { abandonReadsOn, ReadAbandoned } from "@/lib/vendors/read-scope";
import { operationsFor } from "@/lib/vendors/registry";
import { applyFederatedSnapshot, readFederatedCredentials, recordFederatedRead } from "./federated-snapshot";
import { groupBy, runPipelined } from "./pool";
import { runProgress } from "./run-progress";
import { applyCertificateSnapshot, recordConnectionFailure } from "./snapshot";

/**
 * Connections read at once per vendor, from each descriptor's `refreshConcurrency`. Vendors run
 * side by side; within one vendor the bound keeps us under its rate limits.
 * `INVENTORY_REFRESH_CONCURRENCY` overrides every vendor's.
 */
const concurrencyOf = (vendor: Vendor) => VENDOR_DESCRIPTORS[vendor].refreshConcurrency;

/** A run older than this without finishing is assumed dead (its server stopped) and not joined. */
const RUN_TIMEOUT_MS = 15 * 60_000;

export interface RefreshOptions {
  trigger: "manual" | "scheduled";
  actorName: string;
  clock?: () => Date;
  concurrency?: Partial<Record<Vendor, number>>;
}

function failureMessage(error: unknown): string {
  if (isVendorError(error)) {
    const json = error.toJSON();
    return [
      json.userMessage,
      json.status ? `HTTP ${json.status}` : null,
      json.requestId ? `request ${json.requestId}` : null,
    ]
      .filter(Boolean)
      .join(" · ");
  }
  console.error(
    `[inventory] refresh failed: ${error instanceof Error ? `${error.name}: ${error.message}` : "unknown error"}`,
  );
  return "Trustdeck could not read this connection (an internal error; see the server log).";
}

/** What to do once a connection was read: store its snapshot (or its failure); the failure message or null. */
type StoreRead = () => Promise<string | null>;

/**
 * Read one connection from its vendor, and answer how to store what was read: its snapshot, or on
 * failure the old snapshot kept and marked stale. Split in two so that a refresh can read the next
 * connection while this one is stored (the vendor's concurrency bound is on reads only).
 */
async function readConnection(
  db: Database,
  key: Uint8Array,
  ref: { id: string; name: string; vendor: Vendor },
  clock: () => Date,
  loaded: Promise<VendorConnection | undefined> = loadVendorConnection(db, key, ref.id),
): Promise<StoreRead> {
  const startedAt = performance.now();
  const metrics = processMetrics();
  const labels = { vendor: ref.vendor, connection: ref.name };
  const done = (result: "success" | "failure") => {
    metrics.refreshDuration.set(labels, (performance.now() - startedAt) / 1000);
    metrics.refreshes.inc({ ...labels, result });
  };
  const failed =
    (error: unknown): StoreRead =>
    async () => {
      done("failure");
      const message = failureMessage(error);
      await recordConnectionFailure(db, ref.id, message, clock());
      return message;
    };
  try {
    const conn = await loaded;
    if (!conn) return async () => null; // deleted while we were running
    // Federated credentials must not fail certificates (a missing PM.OAuthApp scope), but their
    // failure is kept and shown on the federated list, never passed off as an empty or fresh list.
    // Both are read at once: one connection's refresh takes its slower read, not their sum (the
    // vendor's rate budget still paces every request).
    // Once the outcome is decided (the sets failed, or both answered), reads still going are
    // abandoned: no retry of an answer nobody uses spends the account's rate budget.
    const reads = new AbortController();
    const [sets, federated] = await abandonReadsOn(reads.signal, () =>
      Promise.all([
        operationsFor(conn, "live").listCertificateSets(),
        readFederatedCredentials(conn).then(
          (federation) => ({ federation, error: null }),
          (error: unknown) => ({ federation: null, error }),
        ),
      ]),
    ).finally(() => reads.abort(new ReadAbandoned()));
    return async () => {
      try {
        const now = clock();
        await applyCertificateSnapshot(db, { connection: ref, sets, now });
        if (federated.federation) await applyFederatedSnapshot(db, ref.id, federated.federation, now);
        const federatedError = federated.error === null ? null : failureMessage(federated.error);
        if (federated.federation || federatedError) await recordFederatedRead(db, ref.id, federatedError);
        done("success");
        return null;
      } catch (error) {
        return failed(error)();
      }
    };
  } catch (error) {
    return failed(error);
  }
}

/** Read one connection and store its snapshot; on failure keep the old one and mark it stale. */
async function refreshConnection(
  db: Database,
  key: Uint8Array,
  ref: { id: string; name: string; vendor: Vendor },
  clock: () => Date,
): Promise<string | null> {
  return (await readConnection(db, key, ref, clock))();
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
    const byVendor = groupBy(targets, (t) => t.vendor);
    await Promise.all(
      [...byVendor].map(([vendor, list]) =>
        runPipelined(list, options.concurrency?.[vendor] ?? override ?? concurrencyOf(vendor), {
          // Loaded one round ahead: a read must not wait behind the snapshots being stored.
          prepare: (ref) => loadVendorConnection(db, key, ref.id),
          read: (ref, loaded) => readConnection(db, key, ref, clock, loaded),
          store: async (ref, store) => {
            const failure = await store();
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
