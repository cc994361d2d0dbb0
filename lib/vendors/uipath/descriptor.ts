import { deleteCertificateWording, UNDOCUMENTED_MAX_VALIDITY_DAYS } from "../action-wording";
import type { VendorDescriptor } from "../descriptor";
import { uipathLabel } from "./label";

/** UiPath Automation Cloud: one SAML signing pair per organization, and federated credentials. */
export const uipathDescriptor = {
  vendor: "uipath",
  label: uipathLabel,
  shortName: "UiPath",
  apiHosts: ["cloud.uipath.com", "govcloud.uipath.us", "*.dedicated.uipath.com"],
  setKinds: {
    "uipath-saml": {
      label: "SAML signing certificates",
      namedSlots: ["primary", "secondary"],
      parkedSlots: ["secondary"],
      slotRoles: {
        primary: {
          role: "signs-now",
          explanation:
            "Signs now: UiPath signs SAML requests with the primary certificate; sign-in breaks when it expires.",
        },
        secondary: {
          role: "standby",
          explanation:
            "Standby: staged for the switch, used only after you switch primary and secondary; nothing depends on it until then.",
        },
      },
      whenEmpty: {
        signInFails: false,
        explanation:
          "No certificate installed: the organization has no SAML signing certificate, so SAML sign-in is not set up. Upload a primary certificate to set it up.",
      },
    },
  },
  actions: {
    "upload-primary": {
      label: "Upload primary certificate",
      consequence: ({ slot }) => {
        const primary = slot("primary");
        return `The uploaded certificate replaces the primary certificate${primary ? ` ${primary}` : ""} that UiPath signs SAML requests with, at once. IdPs that do not trust it yet will reject sign-in requests.`;
      },
      outcome: ({ added }) =>
        `Uploaded as the primary certificate:${added}. UiPath signs with it from now on.`,
    },
    "upload-secondary": {
      label: "Upload secondary certificate",
      consequence: ({ slot }) => {
        const secondary = slot("secondary");
        return `The uploaded certificate becomes UiPath's secondary SAML signing certificate${secondary ? `, replacing ${secondary}` : ""}. The primary stays in use until you switch.`;
      },
      outcome: ({ added }) =>
        `Uploaded as the secondary certificate:${added}. Switch when your IdPs trust it.`,
    },
    switch: {
      label: "Switch primary and secondary",
      consequence: ({ slot }) =>
        `The secondary certificate ${slot("secondary") ?? "(none)"} becomes primary and signs SAML requests from now on; the primary ${slot("primary") ?? "(none)"} becomes secondary. Make sure your IdPs trust the new primary first.`,
      outcome: () => "Switched: the former secondary certificate is now primary.",
    },
    "delete-certificate": deleteCertificateWording,
  },
  refreshConcurrency: 3,
  limits: { maxValidityDays: UNDOCUMENTED_MAX_VALIDITY_DAYS },
} as const satisfies VendorDescriptor<
  "uipath",
  "uipath-saml",
  "upload-primary" | "upload-secondary" | "switch" | "delete-certificate"
>;
