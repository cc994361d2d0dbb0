import { certificateStatus } from "@/lib/timeline/status";
import type { CertificateSet, CertificateSlot } from "@/lib/vendors/contracts";
import { daysLeft, type ExpiryStatus } from "@/lib/x509/expiry";

/** A slot's status on the certificate list: its expiry bucket, or "inactive" for a parked certificate. */
export type SlotStatus = ExpiryStatus | "inactive" | "empty";

export const STATUS_LABELS: Record<SlotStatus, string> = {
  expired: "Expired",
  lt7: "≤ 7 days",
  lt30: "≤ 30 days",
  lt60: "≤ 60 days",
  ok: "OK",
  inactive: "Inactive",
  empty: "Empty",
};

/** Most urgent first: the order used to sort and to pick a set's overall status. */
const URGENCY: SlotStatus[] = ["expired", "lt7", "lt30", "lt60", "ok", "inactive", "empty"];

/**
 * The status of one slot at `now`: the same rule as the timeline and the exports (an expired
 * certificate is expired even if parked; see `isParkedSlot`).
 */
export function slotStatus(slot: CertificateSlot, now: Date): SlotStatus {
  if (!slot.certificate) return "empty";
  return certificateStatus({ notAfter: slot.certificate.notAfter, slot: slot.slot, state: slot.state }, now);
}

/** The most urgent status among a set's slots. */
export function setStatus(set: CertificateSet, now: Date): SlotStatus {
  const statuses = set.slots.map((slot) => slotStatus(slot, now));
  return URGENCY.find((status) => statuses.includes(status)) ?? "empty";
}

export function statusRank(status: SlotStatus): number {
  return URGENCY.indexOf(status);
}

/** The earliest not-after among a set's certificates, for sorting by expiry. */
export function earliestExpiry(set: CertificateSet): string | null {
  const dates = set.slots.flatMap((slot) => (slot.certificate ? [slot.certificate.notAfter] : [])).sort();
  return dates[0] ?? null;
}

/** Days left of a slot's certificate, or null when the slot is empty. */
export function slotDaysLeft(slot: CertificateSlot, now: Date): number | null {
  return slot.certificate ? daysLeft(slot.certificate.notAfter, now) : null;
}

/**
 * Certificates that still validate now (not expired, not before their start) — what must remain
 * after a deletion, so that sign-in keeps working.
 */
export function validCertificates(set: CertificateSet, now: Date): CertificateSlot[] {
  return set.slots.filter(
    (slot) =>
      slot.certificate &&
      new Date(slot.certificate.notAfter) > now &&
      new Date(slot.certificate.notBefore) <= now,
  );
}
