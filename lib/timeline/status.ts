import { isParkedSlot } from "@/lib/vendors/descriptors";
import { expiryStatus } from "@/lib/x509/expiry";
import type { TimelineCertificate, TimelineStatus } from "./types";

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
  return isParkedSlot(cert) && status === "ok" ? "inactive" : status;
}
