import { breaksAt, signInDependsOn, type BreaksAt } from "@/lib/certificates/breaks-at";
import type { CertificateSetKind } from "@/lib/vendors/contracts";
import type { Vendor } from "@/lib/vendors/descriptors";
import { emptySetImpact } from "@/lib/vendors/slot-roles";
import { daysLeft, expiryStatus } from "@/lib/x509/expiry";
import { emptyCounts, type StatusCounts } from "./lanes";
import { certificateStatus, siblingsBySet } from "./status";
import type { TimelineCertificate, TimelineStatus } from "./types";

/** Certificates per status (impact on sign-in) at `now`. */
export function countByStatus(certs: readonly TimelineCertificate[], now: Date): StatusCounts {
  const counts = emptyCounts();
  const siblingsOf = siblingsBySet(certs);
  for (const cert of certs) counts[certificateStatus(cert, now, siblingsOf(cert))]++;
  return counts;
}

/** A certificate about to expire, with its status and whole days left. */
export interface UpcomingExpiry {
  cert: TimelineCertificate;
  status: TimelineStatus;
  daysLeft: number;
}

/**
 * The `limit` certificates sign-in depends on that expire next (not yet expired), soonest first.
 * Certificates nothing depends on are housekeeping and counted apart (`whatBreaksNext`).
 */
export function nextExpiries(certs: readonly TimelineCertificate[], now: Date, limit = 10): UpcomingExpiry[] {
  const at = now.getTime();
  const siblingsOf = siblingsBySet(certs);
  return certs
    .filter((cert) => Date.parse(cert.notAfter) > at && signInDependsOn(cert, siblingsOf(cert), now))
    .sort((a, b) => Date.parse(a.notAfter) - Date.parse(b.notAfter) || a.key.localeCompare(b.key))
    .slice(0, limit)
    .map((cert) => ({
      cert,
      status: certificateStatus(cert, now, siblingsOf(cert)),
      daysLeft: daysLeft(cert.notAfter, now),
    }));
}

/** A set whose sign-in can break, with when and why. */
export interface SetAtRisk {
  /** Any certificate of the set (or the empty set itself), for its label, link, vendor and connection. */
  cert: Pick<TimelineCertificate, "key" | "vendor" | "connectionName" | "setId" | "setLabel" | "setHref">;
  breaks: BreaksAt & { at: string };
}

/** A set with no certificate installed, as the inventory keeps it (lib/inventory/types.ts). */
export interface EmptySet {
  key: string;
  vendor: Vendor;
  connectionName: string;
  setId: string;
  setLabel: string;
  setHref: string;
  setKind: string;
  /** Sign-in through it fails while it is empty (an enabled external IdP). */
  signInFails: boolean;
  /** ISO 8601: when it was first seen empty. */
  firstSeenAt: string;
}

/** The Overview's headline: what breaks next. */
export interface WhatBreaksNext {
  /** Sets whose sign-in fails now, oldest outage first. */
  outages: SetAtRisk[];
  /** Sets whose sign-in breaks within 7, 30 and 60 days (each list excludes the shorter ones). */
  within7: SetAtRisk[];
  within30: SetAtRisk[];
  within60: SetAtRisk[];
  /** The next date sign-in breaks somewhere (not an outage already), or null. */
  next: SetAtRisk | null;
  /** Certificates nothing depends on that have expired or expire within 60 days. */
  housekeeping: number;
  /** Sets with no certificate installed (those where sign-in fails are also among `outages`). */
  emptySets: number;
}

/**
 * Every set's breaks-at date, grouped as the Overview's headline tells it. An empty set is an
 * outage only where the vendor's semantics say sign-in goes through it (since it was first seen
 * empty); any other empty set is only counted: no certificate installed is not an error.
 */
export function whatBreaksNext(
  certs: readonly TimelineCertificate[],
  now: Date,
  emptySets: readonly EmptySet[] = [],
): WhatBreaksNext {
  const siblingsOf = siblingsBySet(certs);
  const seen = new Set<string>();
  const atRisk: SetAtRisk[] = [];
  let housekeeping = 0;
  for (const cert of certs) {
    const siblings = siblingsOf(cert);
    if (certificateStatus(cert, now, siblings) === "housekeeping") housekeeping++;
    const setKey = `${cert.connectionId}/${cert.setId}`;
    if (seen.has(setKey)) continue;
    seen.add(setKey);
    const breaks = breaksAt(siblings, now);
    if (breaks.at) atRisk.push({ cert, breaks: { ...breaks, at: breaks.at } });
  }
  for (const set of emptySets) {
    if (!set.signInFails) continue;
    const impact = emptySetImpact(set.vendor, set.setKind as CertificateSetKind, true);
    atRisk.push({ cert: set, breaks: { at: set.firstSeenAt, outage: true, reason: impact.explanation } });
  }
  atRisk.sort(
    (a, b) => Date.parse(a.breaks.at) - Date.parse(b.breaks.at) || a.cert.key.localeCompare(b.cert.key),
  );
  const upcoming = atRisk.filter((set) => !set.breaks.outage);
  const bucketOf = (set: SetAtRisk) => expiryStatus(set.breaks.at, now);
  return {
    outages: atRisk.filter((set) => set.breaks.outage),
    within7: upcoming.filter((set) => bucketOf(set) === "lt7"),
    within30: upcoming.filter((set) => bucketOf(set) === "lt30"),
    within60: upcoming.filter((set) => bucketOf(set) === "lt60"),
    next: upcoming[0] ?? null,
    housekeeping,
    emptySets: emptySets.length,
  };
}
