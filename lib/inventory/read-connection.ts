import "server-only";
import type { Database } from "@/lib/db/client";
import { processMetrics } from "@/lib/metrics/registry";
import { isVendorError } from "@/lib/vendors/errors";
import type { VendorConnection } from "@/lib/vendors/model";
import { abandonReadsOn, ReadAbandoned } from "@/lib/vendors/read-scope";
import { operationsFor } from "@/lib/vendors/registry";
import { readFederatedCredentials } from "./federated-snapshot";
import { recordConnectionFailure } from "./snapshot";
import { storeConnectionReads, type ConnectionRead } from "./store-reads";
import type { ConnectionRef } from "./types";

/**
 * What reading one connection gave: what to store, or why it failed; null when the connection
 * was deleted meanwhile. `startedAt` times the whole refresh of the connection for its metrics.
 */
export type ReadOutcome =
  ({ startedAt: number } & ({ ok: true; read: ConnectionRead } | { ok: false; error: unknown })) | null;

export function failureMessage(error: unknown): string {
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

/**
 * Read one connection from its vendor: its certificate sets and, for a vendor that has them, its
 * federated credentials. Storing is apart (`storeOutcomes`), so that a refresh can read the next
 * connection while this one is stored (the vendor's concurrency bound is on reads only), and
 * store the answers that arrive together at once.
 */
export async function readConnection(
  ref: ConnectionRef,
  loaded: Promise<VendorConnection | undefined>,
): Promise<ReadOutcome> {
  const startedAt = performance.now();
  try {
    const conn = await loaded;
    if (!conn) return null; // deleted while we were running
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
    const federatedError = federated.error === null ? null : failureMessage(federated.error);
    return {
      startedAt,
      ok: true,
      read: { connection: ref, sets, federation: federated.federation, federatedError },
    };
  } catch (error) {
    return { startedAt, ok: false, error };
  }
}

/**
 * Store what reading some connections gave, at `now`: their snapshots together
 * (`storeConnectionReads`), and for each connection that failed (to be read, or to be stored)
 * the old snapshot kept and marked stale. Answers per connection its failure message or null,
 * settled (a connection whose failure could not be recorded fails alone).
 */
export async function storeOutcomes(
  db: Database,
  items: readonly { ref: ConnectionRef; outcome: ReadOutcome }[],
  now: Date,
): Promise<Promise<string | null>[]> {
  const reads = items.flatMap(({ outcome }) => (outcome?.ok ? [outcome.read] : []));
  const stored = await storeConnectionReads(db, reads, now).catch((error: unknown) =>
    reads.map((): PromiseSettledResult<void> => ({ status: "rejected", reason: error })),
  );
  let next = 0;
  const metrics = processMetrics();
  const results = items.map(async ({ ref, outcome }) => {
    if (!outcome) return null;
    const result = outcome.ok ? stored[next++]! : { status: "rejected" as const, reason: outcome.error };
    const labels = { vendor: ref.vendor, connection: ref.name };
    metrics.refreshDuration.set(labels, (performance.now() - outcome.startedAt) / 1000);
    metrics.refreshes.inc({ ...labels, result: result.status === "fulfilled" ? "success" : "failure" });
    if (result.status === "fulfilled") return null;
    const message = failureMessage(result.reason);
    await recordConnectionFailure(db, ref.id, message, now);
    return message;
  });
  await Promise.allSettled(results);
  return results;
}
