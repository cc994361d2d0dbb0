import type { CertificateSet } from "@/lib/vendors/model";
import { shortThumbprint } from "./consequence";
import type { CertificateWriteAction } from "./schemas";

function newCertificates(before: CertificateSet, after: CertificateSet) {
  const known = new Set(before.slots.flatMap((slot) => (slot.certificate ? [slot.certificate.sha256] : [])));
  return after.slots.filter((slot) => slot.certificate && !known.has(slot.certificate.sha256));
}

/** A sentence saying what a successful change did, for the result banner. */
export function describeOutcome(
  action: CertificateWriteAction,
  before: CertificateSet,
  after: CertificateSet,
): string {
  const added = newCertificates(before, after)[0]?.certificate;
  const addedText = added
    ? ` ${shortThumbprint(added.sha256)}, valid until ${added.notAfter.slice(0, 10)}`
    : "";
  switch (action) {
    case "rotate":
      return `Rotated: the new current certificate is${addedText}; the old current one is now previous.`;
    case "upload-secondary":
      return `Uploaded as the secondary certificate:${addedText}. Switch when your IdPs trust it.`;
    case "upload-primary":
      return `Uploaded as the primary certificate:${addedText}. UiPath signs with it from now on.`;
    case "switch":
      return "Switched: the former secondary certificate is now primary.";
    case "delete-certificate":
      return "Deleted. The set now holds the certificates shown below.";
    case "create-sp-certificate":
      return `Created a new SP certificate${addedText}. It is INACTIVE until you activate it.`;
    case "activate":
      return "Activated: this certificate now signs for the service provider; the previously active one is INACTIVE.";
    case "import-idp-certificate":
      return `Imported the IdP signing certificate${addedText}.`;
  }
}
