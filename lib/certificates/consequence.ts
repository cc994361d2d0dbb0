import { formatUtcDate } from "@/lib/time/format";
import { actionWording } from "@/lib/vendors/descriptors";
import type { CertificateSet, CertificateSlot } from "@/lib/vendors/contracts";
import { formatThumbprint } from "@/lib/x509/thumbprint-format";
import type { CertificateWriteAction } from "./schemas";

/** "4F:2A:9C:…" — the start of a SHA-256 thumbprint, enough to recognise a certificate. */
export function shortThumbprint(sha256: string): string {
  return `${formatThumbprint(sha256.slice(0, 8), "colon")}:…`;
}

function describe(slot: CertificateSlot | undefined): string | null {
  if (!slot?.certificate) return null;
  return `${shortThumbprint(slot.certificate.sha256)} (${slot.certificate.commonName ?? slot.certificate.subject}, expires ${formatUtcDate(slot.certificate.notAfter)})`;
}

/**
 * What a change will do, in words, for the confirmation dialog: the slots it fills, replaces or
 * drops, by thumbprint and expiry, and what the administrator must do next. The wording is the
 * vendor's (its descriptor); this fills in the set's certificates.
 */
export function describeConsequence(
  set: CertificateSet,
  action: CertificateWriteAction,
  certificateId?: string,
): string {
  const wording = actionWording(set.vendor, action);
  if (!wording) return `This vendor has no “${action}” action.`;
  const active = set.slots.find((slot) => slot.state === "ACTIVE");
  return wording.consequence({
    slot: (name) => describe(set.slots.find((slot) => slot.slot === name)),
    target:
      describe(set.slots.find((slot) => slot.vendorId === certificateId)) ?? certificateId ?? "(unknown)",
    active: active ? describe(active) : null,
  });
}
