import type { Database } from "@/lib/db/client";
import type { CertificateIntent } from "./certificate-plan";
import type { FederatedIntent } from "./federated-plan";

/**
 * What a write's intent records so that any process can tell later, from the vendor's state
 * alone, whether the write was applied: the operation, its target and the expected change.
 * JSON-safe: it is stored in the intent's audit details under `write`.
 */
export type WriteIntent = CertificateIntent | FederatedIntent;

/** How to learn the outcome of one intent by reading the vendor once. */
export interface Reconciler<S> {
  /** One vendor read of the state the write changes. */
  reread(): Promise<S>;
  /** True when the state shows the change, false when it shows none; undefined when it cannot tell. */
  applied(state: S): boolean | undefined;
  /** What the audit keeps of a state (no secrets, no PEM bodies). */
  digest(state: S): unknown;
  /** Record the state in the inventory at once (Overview, timeline, counts, exports, alerts). */
  record(db: Database, state: S, now: Date): Promise<void>;
}

/**
 * The truth after a write: applied, not applied (refused, or re-read as unchanged) or unknown
 * (the re-read failed too: the intent stays pending and is checked again later).
 */
export type WriteOutcomeKind = "applied" | "not-applied" | "unknown";
