import { expiryStatus } from "@/lib/x509/expiry";
import type { TimelineCertificate, TimelineStatus } from "./types";

// Slots that are not in use, whatever their vendor: the same rule as `slotStatus` in
// lib/certificates/status.ts, which works on vendor slots rather than inventory rows.
const PARKED_SLOTS = new Set(["previous", "secondary"]);

/**
 * The status of a certificate at `now`: its expiry bucket, or "inactive" for a parked certificate
 * with more than 60 days left. Expired is expired even when parked, and a parked certificate about
 * to expire still shows its bucket (it may be switched back in).
 */
export function certificateStatus(
  cert: Pick<TimelineCertificate, "notAfter" | "slot" | "state">,
  now: Date,
): TimelineStatus {
  const status = expiryStatus(cert.notAfter, now);
  if (status === "expired") return "expired";
  const parked = cert.state === "INACTIVE" || PARKED_SLOTS.has(cert.slot);
  return parked && status === "ok" ? "inactive" : status;
}
