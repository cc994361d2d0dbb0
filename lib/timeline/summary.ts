import { daysLeft } from "@/lib/x509/expiry";
import { emptyCounts, type StatusCounts } from "./lanes";
import { certificateStatus } from "./status";
import type { TimelineCertificate, TimelineStatus } from "./types";

/** Certificates per status at `now`. */
export function countByStatus(certs: readonly TimelineCertificate[], now: Date): StatusCounts {
  const counts = emptyCounts();
  for (const cert of certs) counts[certificateStatus(cert, now)]++;
  return counts;
}

/** A certificate about to expire, with its status and whole days left. */
export interface UpcomingExpiry {
  cert: TimelineCertificate;
  status: TimelineStatus;
  daysLeft: number;
}

/** The `limit` certificates that expire next (not yet expired), soonest first. */
export function nextExpiries(certs: readonly TimelineCertificate[], now: Date, limit = 10): UpcomingExpiry[] {
  const at = now.getTime();
  return certs
    .filter((cert) => Date.parse(cert.notAfter) > at)
    .sort((a, b) => Date.parse(a.notAfter) - Date.parse(b.notAfter) || a.key.localeCompare(b.key))
    .slice(0, limit)
    .map((cert) => ({ cert, status: certificateStatus(cert, now), daysLeft: daysLeft(cert.notAfter, now) }));
}
