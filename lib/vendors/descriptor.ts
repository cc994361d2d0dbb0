import type { CertificateSetAction } from "./contracts";

// The shape of a vendor descriptor: everything that makes a vendor that vendor, as plain data
// and small wording functions. Client-safe on purpose (no zod, no server-only imports): the
// browser renders labels, form fields and confirmation wording from it. Type imports only.

/** One field of a vendor's connection form, in display order (validation lives in the schema). */
export interface ConnectionFieldSpec {
  name: string;
  label: string;
  hint?: string;
  placeholder?: string;
  /** Secret fields are write-only: never pre-filled, "set · replace" once stored. */
  secret?: boolean;
  optional?: boolean;
  /** A choice among these values (a select; the first is the default of a new connection). */
  options?: readonly { value: string; label: string }[];
  /** Values to suggest while typing (a free text field with a list). */
  suggestions?: readonly string[];
}

/**
 * What sign-in depends on for a slot, from the vendor's documented semantics:
 * - `signs-now`: the vendor signs or decrypts with it now; sign-in breaks when it expires.
 * - `trusted-for-validation`: the vendor validates the IdP's signatures with it; sign-in breaks
 *   when the IdP's signing certificate is no longer among the valid trusted ones.
 * - `standby`: staged for a switch; nothing uses it until then.
 * - `kept-during-rotation`: the former certificate, kept while IdPs move to the current one.
 * - `inactive`: kept by the vendor, used by nothing.
 * - `expired-at-vendor`: the vendor itself marks it expired; used by nothing.
 */
export const SLOT_ROLES = [
  "signs-now",
  "trusted-for-validation",
  "standby",
  "kept-during-rotation",
  "inactive",
  "expired-at-vendor",
] as const;
export type SlotRole = (typeof SLOT_ROLES)[number];

/** A role and the sentence that explains it in this vendor's terms. */
export interface SlotRoleSpec {
  role: SlotRole;
  explanation: string;
}

/** One kind of certificate set a vendor has. */
export interface SetKindDescriptor {
  label: string;
  /** The fixed slot names of this kind (empty when slots are named by vendor certificate ids). */
  namedSlots: readonly string[];
  /** Named slots whose certificate is kept but not in use (shown as "inactive" when far from expiry). */
  parkedSlots: readonly string[];
  /**
   * The role of a slot, looked up by its named slot, then by the vendor's state of its
   * certificate (ACTIVE / INACTIVE / EXPIRED), then `*` (every other slot of the kind).
   */
  slotRoles: Readonly<Record<string, SlotRoleSpec>>;
  /**
   * What a set of this kind with no certificate in any slot means (an empty slot is not an error):
   * whether sign-in through it fails while it is in use, and the sentence that says so.
   */
  whenEmpty: EmptySetSpec;
}

/** What an empty set of a kind means for sign-in, in the vendor's terms. */
export interface EmptySetSpec {
  /** True when sign-in through the set fails while it has no certificate and is in use. */
  signInFails: boolean;
  explanation: string;
}

/** Certificates of a set, already described for people ("4F:2A:9C:… (CN, expires 2 Jan 2027)"). */
export interface ConsequenceContext {
  /** The certificate in a named slot, or null when the slot is empty. */
  slot(name: string): string | null;
  /** The certificate the action targets, or its vendor id when it is not in the set. */
  target: string;
  /** The certificate whose vendor state is ACTIVE, or null. */
  active: string | null;
}

/** What a successful change did. */
export interface OutcomeContext {
  /** The first certificate that was not in the set before: " 4F:2A:9C:…, valid until 2027-01-02", or "". */
  added: string;
}

/** A change's wording: its button label, what it will do (confirmation) and what it did (result). */
export interface WriteActionWording {
  label: string;
  consequence(context: ConsequenceContext): string;
  outcome(context: OutcomeContext): string;
}

/** Actions that change nothing at the vendor have a label only. */
export interface ReadActionWording {
  label: string;
}

/** Actions that read rather than change (no confirmation, no outcome). */
export type ReadOnlyAction = Extract<CertificateSetAction, "download-pem">;

/** The wording of one action: a label, plus consequence and outcome for changes. */
export type ActionWording<A extends CertificateSetAction> = A extends ReadOnlyAction
  ? ReadActionWording
  : WriteActionWording;

/** Everything that makes a vendor that vendor, reached through lib/vendors/descriptors.ts. */
export interface VendorDescriptor<V extends string, K extends string, A extends CertificateSetAction> {
  vendor: V;
  /** The product's full name: "… Automation Cloud". */
  label: string;
  /** The vendor's short name in sentences: "… accepts at most 3,653 days". */
  shortName: string;
  /** The documented API hosts (connections may also point at a gateway or the sandbox). */
  apiHosts: readonly string[];
  setKinds: { readonly [Kind in K]: SetKindDescriptor };
  actions: { readonly [Action in A]: ActionWording<Action> };
  /** Connections of this vendor read at once during an inventory refresh (its rate budget). */
  refreshConcurrency: number;
  limits: {
    /** Longest certificate lifetime accepted without a VALIDITY_TOO_LONG warning. */
    maxValidityDays: number;
  };
}

/** Any vendor's descriptor, as code that does not know the vendor statically sees it. */
export type AnyVendorDescriptor = Omit<VendorDescriptor<string, string, never>, "actions"> & {
  actions: { readonly [Action in CertificateSetAction]?: ActionWording<Action> };
};

/** The set kinds a descriptor declares, as a list (an adapter's `capabilities.setKinds`). */
export function setKindsOf<K extends string>(descriptor: {
  setKinds: { readonly [Kind in K]: unknown };
}): K[] {
  return Object.keys(descriptor.setKinds) as K[];
}
