import { certificateStatus } from "@/lib/timeline/status";
import type { TimelineStatus } from "@/lib/timeline/types";
import type { CertificateSet, CertificateSlot } from "@/lib/vendors/contracts";
import type { CertificateSummary } from "@/lib/x509/summary";
import { daysLeft } from "@/lib/x509/expiry";
import { breaksAt, type BreaksAt, type RoledCertificate } from "./breaks-at";

/** What the status rules read of a slot: a live slot or a listed one (no PEM) alike. */
export type StatusSlot = Pick<CertificateSlot, "slot" | "state" | "role"> & {
  certificate: Pick<CertificateSummary, "notAfter" | "notBefore"> | null;
};
type StatusSet = { slots: readonly StatusSlot[] };

/** A slot's status on the certificate list: its impact on sign-in, or "empty". */
export type SlotStatus = TimelineStatus | "empty";

export const STATUS_LABELS: Record<SlotStatus, string> = {
  expired: "Expired: sign-in fails",
  lt7: "≤ 7 days",
  lt30: "≤ 30 days",
  lt60: "≤ 60 days",
  ok: "OK",
  housekeeping: "Housekeeping",
  inactive: "Inactive",
  empty: "Empty",
};

/** Most urgent first: the order used to sort and to pick a set's overall status. */
const URGENCY: SlotStatus[] = ["expired", "lt7", "lt30", "lt60", "ok", "housekeeping", "inactive", "empty"];

/** The certificates of a set's filled slots, as the sign-in rules take them. */
export function roledCertificates(set: StatusSet): RoledCertificate[] {
  return set.slots.flatMap((slot) =>
    slot.certificate
      ? [{ slot: slot.slot, state: slot.state, role: slot.role, notAfter: slot.certificate.notAfter }]
      : [],
  );
}

/**
 * The status of one slot at `now` among its set's slots: the same rule as the timeline and the
 * exports (lib/certificates/breaks-at).
 */
export function slotStatus(slot: StatusSlot, now: Date, set?: StatusSet): SlotStatus {
  if (!slot.certificate) return "empty";
  const cert = { slot: slot.slot, state: slot.state, role: slot.role, notAfter: slot.certificate.notAfter };
  return certificateStatus(cert, now, set ? roledCertificates(set) : [cert]);
}

/** The date the set's sign-in can break, with the reason. */
export function setBreaksAt(set: StatusSet, now: Date): BreaksAt {
  return breaksAt(roledCertificates(set), now);
}

/** The most urgent status among a set's slots. */
export function setStatus(set: StatusSet, now: Date): SlotStatus {
  const statuses = set.slots.map((slot) => slotStatus(slot, now, set));
  return URGENCY.find((status) => statuses.includes(status)) ?? "empty";
}

export function statusRank(status: SlotStatus): number {
  return URGENCY.indexOf(status);
}

/** The earliest not-after among a set's certificates, for sorting by expiry. */
export function earliestExpiry(set: StatusSet): string | null {
  const dates = set.slots.flatMap((slot) => (slot.certificate ? [slot.certificate.notAfter] : [])).sort();
  return dates[0] ?? null;
}

/** Days left of a slot's certificate, or null when the slot is empty. */
export function slotDaysLeft(slot: StatusSlot, now: Date): number | null {
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
