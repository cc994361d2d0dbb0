import { UNDOCUMENTED_MAX_VALIDITY_DAYS } from "../action-wording";
import type { VendorDescriptor } from "../descriptor";
import { cloudflareLabel } from "./label";

/** Cloudflare Zero Trust Access: SAML encryption certificate sets that rotate. */
export const cloudflareDescriptor = {
  vendor: "cloudflare",
  label: cloudflareLabel,
  shortName: "Cloudflare",
  apiHosts: ["api.cloudflare.com"],
  setKinds: {
    "cloudflare-saml": {
      label: "SAML encryption certificate set",
      namedSlots: ["current", "previous"],
      parkedSlots: ["previous"],
      slotRoles: {
        current: {
          role: "signs-now",
          explanation:
            "In use now: IdPs encrypt SAML assertions to Cloudflare with the current certificate; sign-in breaks when it expires.",
        },
        previous: {
          role: "kept-during-rotation",
          explanation:
            "Kept during a rotation period so IdPs can move to the current certificate; nothing depends on it once they have.",
        },
      },
      whenEmpty: {
        signInFails: false,
        explanation:
          "No certificate installed: IdPs have no Cloudflare certificate to encrypt SAML assertions with. Rotate to generate one.",
      },
    },
  },
  actions: {
    rotate: {
      label: "Rotate",
      consequence: ({ slot }) => {
        const current = slot("current");
        const previous = slot("previous");
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
      },
      outcome: ({ added }) =>
        `Rotated: the new current certificate is${added}; the old current one is now previous.`,
    },
    "download-pem": { label: "Download PEM" },
  },
  refreshConcurrency: 4,
  limits: { maxValidityDays: UNDOCUMENTED_MAX_VALIDITY_DAYS },
} as const satisfies VendorDescriptor<"cloudflare", "cloudflare-saml", "rotate" | "download-pem">;
