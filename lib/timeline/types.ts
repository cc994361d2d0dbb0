/**
 * The timeline's own, database-free model. `TimelineCertificate` is a structural subset of the
 * inventory's certificate, so an inventory row can be passed as is.
 */

import type { CertificateImpact } from "@/lib/certificates/breaks-at";
import type { SlotRole } from "@/lib/vendors/descriptor";

/** A certificate's status on the timeline: its impact on sign-in, as on the certificate list. */
export type TimelineStatus = CertificateImpact;

/** Every status, most urgent first. */
export const TIMELINE_STATUSES = [
  "expired",
  "lt7",
  "lt30",
  "lt60",
  "ok",
  "housekeeping",
  "inactive",
] as const satisfies readonly TimelineStatus[];

/** Fails to compile when a status is added to the impact type but not listed above. */
export const EVERY_STATUS_LISTED: [Exclude<TimelineStatus, (typeof TIMELINE_STATUSES)[number]>] extends [
  never,
]
  ? true
  : never = true;

/** One certificate as the timeline and the overview need it. */
export interface TimelineCertificate {
  /** Unique across the inventory. */
  key: string;
  vendor: string;
  connectionId: string;
  connectionName: string;
  setId: string;
  setLabel: string;
  /** Where the certificate's set opens. */
  setHref: string;
  /** A named slot (`primary`, `previous`, …) or a vendor certificate id. */
  slot: string;
  /** The vendor's own state, when it keeps one per certificate (ACTIVE / INACTIVE / EXPIRED). */
  state?: string;
  /** What sign-in depends on it for (absent on rows stored before roles were recorded). */
  role?: SlotRole;
  /** Upper-case hex without separators. */
  sha256: string;
  subject: string;
  commonName?: string;
  /** ISO 8601. */
  notBefore: string;
  notAfter: string;
}

/** The visible time window, in epoch milliseconds. */
export interface TimeView {
  start: number;
  end: number;
}

export const DAY_MS = 86_400_000;
