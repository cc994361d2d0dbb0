import { deleteCertificateWording, UNDOCUMENTED_MAX_VALIDITY_DAYS } from "../action-wording";
import type { VendorDescriptor } from "../descriptor";
import { optionsOf } from "../url-forms";
import { UIPATH_ACCESS_URL_FORMS, UIPATH_TOKEN_ENDPOINT_FORMS } from "./urls";
import { uipathLabel } from "./label";

/** UiPath Automation Cloud: one SAML signing pair per organization, and federated credentials. */
export const uipathDescriptor = {
  vendor: "uipath",
  label: uipathLabel,
  shortName: "UiPath",
  apiHosts: ["cloud.uipath.com", "govcloud.uipath.us", "*.dedicated.uipath.com"],
  connection: {
    form: [
      {
        name: "accessUrlForm",
        label: "Cloud platform",
        options: optionsOf(UIPATH_ACCESS_URL_FORMS),
        hint: "Where your organization lives; it decides the access URL.",
      },
      {
        name: "baseUrl",
        label: "Access URL",
        placeholder: "https://<name>.dedicated.uipath.com",
        hint: "For Dedicated and a custom host only; Automation Cloud and Public Sector have a fixed URL (leave it empty).",
      },
      {
        name: "organizationName",
        label: "Organization name",
        placeholder: "acme",
        hint: "The segment after the host in your UiPath URL.",
      },
      {
        name: "partitionGlobalId",
        label: "partitionGlobalId (organization ID)",
        placeholder: "3fa85f64-5717-4562-b3fc-2c963f66afa6",
        hint: "A GUID: copy it from ?organizationId= in the portal URL.",
      },
      {
        name: "tokenEndpointForm",
        label: "Token endpoint",
        options: optionsOf(UIPATH_TOKEN_ENDPOINT_FORMS),
        hint: "UiPath documents both; use the one your tenant answers on.",
      },
      {
        name: "clientId",
        label: "External application App ID",
        hint: "A confidential application with the application scopes below.",
      },
      { name: "clientSecret", label: "App secret", secret: true },
      {
        name: "scopes",
        label: "Scopes",
        placeholder: "PM.AuthSetting PM.OAuthApp",
        hint: "Space-separated; only scopes granted to the application.",
      },
    ],
  },
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
