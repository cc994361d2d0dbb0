import { format } from "date-fns";
import type { CertificateSet, CertificateSlot } from "@/lib/vendors/contracts";
import { formatThumbprint } from "@/lib/x509/thumbprint";
import type { CertificateWriteAction } from "./schemas";

/** "4F:2A:9C:…" — the start of a SHA-256 thumbprint, enough to recognise a certificate. */
export function shortThumbprint(sha256: string): string {
  return `${formatThumbprint(sha256.slice(0, 8), "colon")}:…`;
}

function describe(slot: CertificateSlot | undefined): string | null {
  if (!slot?.certificate) return null;
  return `${shortThumbprint(slot.certificate.sha256)} (${slot.certificate.commonName ?? slot.certificate.subject}, expires ${format(new Date(slot.certificate.notAfter), "d MMM yyyy")})`;
}

const slotNamed = (set: CertificateSet, name: string) => set.slots.find((slot) => slot.slot === name);
const slotWithId = (set: CertificateSet, id?: string) => set.slots.find((slot) => slot.vendorId === id);

/**
 * What a change will do, in words, for the confirmation dialog: the slots it fills, replaces or
 * drops, by thumbprint and expiry, and what the administrator must do next.
 */
export function describeConsequence(
  set: CertificateSet,
  action: CertificateWriteAction,
  certificateId?: string,
): string {
  switch (action) {
    case "rotate": {
      const current = describe(slotNamed(set, "current"));
      const previous = describe(slotNamed(set, "previous"));
      return [
        "Cloudflare generates a new current certificate.",
        current ? `The current certificate ${current} becomes the previous one.` : null,
        previous
          ? `Rotating drops the previous certificate ${previous}: any IdP still encrypting to it stops working.`
          : "There is no previous certificate, so nothing is dropped.",
        "Give the new certificate to your IdPs before the old one expires.",
      ]
        .filter(Boolean)
        .join(" ");
    }
    case "upload-secondary": {
      const secondary = describe(slotNamed(set, "secondary"));
      return `The uploaded certificate becomes UiPath's secondary SAML signing certificate${secondary ? `, replacing ${secondary}` : ""}. The primary stays in use until you switch.`;
    }
    case "upload-primary": {
      const primary = describe(slotNamed(set, "primary"));
      return `The uploaded certificate replaces the primary certificate${primary ? ` ${primary}` : ""} that UiPath signs SAML requests with, at once. IdPs that do not trust it yet will reject sign-in requests.`;
    }
    case "switch":
      return `The secondary certificate ${describe(slotNamed(set, "secondary")) ?? "(none)"} becomes primary and signs SAML requests from now on; the primary ${describe(slotNamed(set, "primary")) ?? "(none)"} becomes secondary. Make sure your IdPs trust the new primary first.`;
    case "delete-certificate":
      return `Certificate ${describe(slotWithId(set, certificateId)) ?? certificateId} is removed at the vendor. This cannot be undone.`;
    case "create-sp-certificate":
      return "Huawei Cloud generates a new service-provider signing certificate. The new SP certificate starts INACTIVE: nothing changes for sign-in until you activate it.";
    case "activate": {
      const active = set.slots.find((slot) => slot.state === "ACTIVE");
      return `Certificate ${describe(slotWithId(set, certificateId)) ?? certificateId} becomes the active SP signing certificate${active ? `; the active ${describe(active)} becomes INACTIVE` : ""}. Update the SP metadata in your IdP at the same time.`;
    }
    case "import-idp-certificate":
      return "The certificate is added to the external IdP's signing certificates; Huawei Cloud accepts SAML responses signed with it from now on. The existing certificates stay.";
  }
}
