import { deleteCertificateWording, UNDOCUMENTED_MAX_VALIDITY_DAYS } from "../action-wording";
import type { VendorDescriptor } from "../descriptor";
import { huaweiLabel } from "./label";

/** Huawei Cloud IAM Identity Center: service-provider certificates and external IdP certificates. */
export const huaweiDescriptor = {
  vendor: "huawei",
  label: huaweiLabel,
  shortName: "Huawei Cloud",
  apiHosts: ["identitystore.{region}.myhuaweicloud.com", "identitycenter.myhuaweicloud.com"],
  setKinds: {
    "huawei-sp": {
      label: "Service-provider signing certificates",
      namedSlots: [],
      parkedSlots: [],
      slotRoles: {
        ACTIVE: {
          role: "signs-now",
          explanation:
            "Signs now: Huawei Cloud signs as the service provider with its one ACTIVE certificate; sign-in breaks when it expires.",
        },
        INACTIVE: {
          role: "inactive",
          explanation: "Inactive at Huawei Cloud: nothing signs with it until it is activated.",
        },
        EXPIRED: {
          role: "expired-at-vendor",
          explanation: "Huawei Cloud marks it EXPIRED: nothing signs with it any more.",
        },
      },
      whenEmpty: {
        signInFails: false,
        explanation:
          "No certificate installed: Huawei Cloud has no service-provider certificate to sign with. Create one and activate it before an IdP requires signed requests.",
      },
    },
    "huawei-idp": {
      label: "External IdP signing certificates",
      namedSlots: [],
      parkedSlots: [],
      slotRoles: {
        "*": {
          role: "trusted-for-validation",
          explanation:
            "Trusted to validate the IdP's signatures: Huawei Cloud accepts SAML responses signed with any of the IdP's valid certificates.",
        },
      },
      whenEmpty: {
        signInFails: true,
        explanation:
          "No certificate installed: Huawei Cloud trusts no signing certificate of this IdP, so it rejects every SAML response from it and sign-in through it fails. Import the IdP's signing certificate.",
      },
    },
  },
  actions: {
    "create-sp-certificate": {
      label: "Create SP certificate",
      consequence: () =>
        "Huawei Cloud generates a new service-provider signing certificate. The new SP certificate starts INACTIVE: nothing changes for sign-in until you activate it.",
      outcome: ({ added }) => `Created a new SP certificate${added}. It is INACTIVE until you activate it.`,
    },
    activate: {
      label: "Activate",
      consequence: ({ target, active }) =>
        `Certificate ${target} becomes the active SP signing certificate${active ? `; the active ${active} becomes INACTIVE` : ""}. Update the SP metadata in your IdP at the same time.`,
      outcome: () =>
        "Activated: this certificate now signs for the service provider; the previously active one is INACTIVE.",
    },
    "delete-certificate": deleteCertificateWording,
    "import-idp-certificate": {
      label: "Import IdP certificate",
      consequence: () =>
        "The certificate is added to the external IdP's signing certificates; Huawei Cloud accepts SAML responses signed with it from now on. The existing certificates stay.",
      outcome: ({ added }) => `Imported the IdP signing certificate${added}.`,
    },
  },
  refreshConcurrency: 2,
  limits: { maxValidityDays: UNDOCUMENTED_MAX_VALIDITY_DAYS },
} as const satisfies VendorDescriptor<
  "huawei",
  "huawei-sp" | "huawei-idp",
  "create-sp-certificate" | "activate" | "delete-certificate" | "import-idp-certificate"
>;
