import type { CertificateSetAction } from "./contracts";
import type { ActionWording, AnyVendorDescriptor, SetKindDescriptor } from "./descriptor";
import { cloudflareDescriptor } from "./cloudflare/descriptor";
import { huaweiDescriptor } from "./huawei/descriptor";
import { uipathDescriptor } from "./uipath/descriptor";

// The client-safe registry of vendor descriptors: the vendor list, labels, set kinds
// and action wording. Relative imports only: the database schema (and so drizzle-kit) reads it.

/**
 * Every vendor's descriptor, in display order. A new vendor is one line here, one in
 * connection-forms.ts, one in connection-schemas.ts and one in registry.ts.
 */
export const VENDOR_DESCRIPTORS = {
  uipath: uipathDescriptor,
  cloudflare: cloudflareDescriptor,
  huawei: huaweiDescriptor,
} as const;

/** The vendors Trustdeck can connect to. */
export type Vendor = keyof typeof VENDOR_DESCRIPTORS;

/** The vendor ids, in display order (the database column's values and the filters' options). */
export const VENDORS = Object.keys(VENDOR_DESCRIPTORS) as [Vendor, ...Vendor[]];

/** The descriptor of one vendor, typed precisely. */
export type DescriptorOf<V extends Vendor> = (typeof VENDOR_DESCRIPTORS)[V];

/** Every kind of certificate set, across vendors. */
export type CertificateSetKind = { [V in Vendor]: keyof DescriptorOf<V>["setKinds"] & string }[Vendor];

/** The actions a vendor's descriptor words (and so its adapter must offer). */
export type DescribedAction<V extends Vendor> = keyof DescriptorOf<V>["actions"] & CertificateSetAction;

/** The descriptor of a vendor known only at run time. */
export function descriptorOf(vendor: Vendor): AnyVendorDescriptor {
  return VENDOR_DESCRIPTORS[vendor];
}

/** Each vendor's product name: "… Zero Trust Access" (its own module, for client components). */
export { VENDOR_LABELS } from "./labels";

/** Whether a string is one of the vendor ids. */
export function isVendor(value: string): value is Vendor {
  return Object.hasOwn(VENDOR_DESCRIPTORS, value);
}

/** The label of a vendor id, or the id itself for a value no descriptor knows (old data). */
export function vendorLabel(vendor: string): string {
  return isVendor(vendor) ? VENDOR_DESCRIPTORS[vendor].label : vendor;
}

/** The wording of an action at a vendor, or undefined when the vendor has no such action. */
export function actionWording<A extends CertificateSetAction>(
  vendor: Vendor,
  action: A,
): ActionWording<A> | undefined {
  return descriptorOf(vendor).actions[action];
}

/** The button label of an action at a vendor ("Rotate"), or the action's id if the vendor lacks it. */
export function actionLabel(vendor: Vendor, action: CertificateSetAction): string {
  return actionWording(vendor, action)?.label ?? action;
}

/** Every set kind of every vendor. */
const SET_KINDS: readonly SetKindDescriptor[] = VENDORS.flatMap((v) =>
  Object.values<SetKindDescriptor>(VENDOR_DESCRIPTORS[v].setKinds),
);

/** Slot names that are fixed by some set kind ("primary", "current", …), as opposed to vendor ids. */
export const NAMED_SLOTS: ReadonlySet<string> = new Set(SET_KINDS.flatMap((kind) => kind.namedSlots));

const PARKED_SLOTS: ReadonlySet<string> = new Set(SET_KINDS.flatMap((kind) => kind.parkedSlots));

/**
 * Whether a slot's certificate is kept but not in use: a parked slot of its set kind, or a
 * certificate whose vendor state is INACTIVE. The one rule behind the certificate list, the
 * timeline and the exports.
 */
export function isParkedSlot(slot: { slot: string; state?: string }): boolean {
  return slot.state === "INACTIVE" || PARKED_SLOTS.has(slot.slot);
}

/** The certificate-lifetime limit of a vendor, as `lib/x509/findings` takes it. */
export function validityLimitOf(vendor: Vendor): { maxValidityDays: number; limitOwner: string } {
  const descriptor = descriptorOf(vendor);
  return { maxValidityDays: descriptor.limits.maxValidityDays, limitOwner: descriptor.shortName };
}
