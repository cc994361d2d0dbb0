import type { WriteActionWording } from "./descriptor";

// Wording of actions that mean the same at every vendor that offers them, so that descriptors
// share it instead of repeating it.

/** Removing one certificate of a set at the vendor. */
export const deleteCertificateWording: WriteActionWording = {
  label: "Delete certificate",
  consequence: ({ target }) => `Certificate ${target} is removed at the vendor. This cannot be undone.`,
  outcome: () => "Deleted. The set now holds the certificates shown below.",
};

/**
 * Longest certificate lifetime we accept without a warning when a vendor documents no maximum
 * for SAML certificates (none of the current ones does): 10 years (3,653 days, leap days
 * included), the lifetime Huawei Cloud gives the SP certificates it generates itself. Anything
 * longer outlives any sensible key-rotation policy.
 */
export const UNDOCUMENTED_MAX_VALIDITY_DAYS = 3653;
