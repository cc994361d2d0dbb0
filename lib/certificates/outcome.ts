import { actionWording } from "@/lib/vendors/descriptors";
import type { CertificateSet } from "@/lib/vendors/contracts";
import { formatUtcDate } from "@/lib/time/format";
import { shortThumbprint } from "./consequence";
import type { CertificateWriteAction } from "./schemas";

function newCertificates(before: CertificateSet, after: CertificateSet) {
  const known = new Set(before.slots.flatMap((slot) => (slot.certificate ? [slot.certificate.sha256] : [])));
  return after.slots.filter((slot) => slot.certificate && !known.has(slot.certificate.sha256));
}

/** A sentence saying what a successful change did, for the result banner (the vendor's wording). */
export function describeOutcome(
  action: CertificateWriteAction,
  before: CertificateSet,
  after: CertificateSet,
): string {
  const added = newCertificates(before, after)[0]?.certificate;
  const wording = actionWording(after.vendor, action);
  if (!wording) return "Done.";
  return wording.outcome({
    added: added ? ` ${shortThumbprint(added.sha256)}, valid until ${formatUtcDate(added.notAfter)}` : "",
  });
}
