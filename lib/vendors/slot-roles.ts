import type { CertificateSet, CertificateSetKind, CertificateSlot } from "./contracts";
import type { EmptySetSpec, SetKindDescriptor, SlotRoleSpec } from "./descriptor";
import { VENDOR_DESCRIPTORS, type Vendor } from "./descriptors";

// Client-safe: the role of each slot, derived from what its vendor's descriptor declares for the
// set kind. Every adapter passes its sets through `withSlotRoles`, so one rule names every role.

function kindDescriptor(vendor: Vendor, kind: CertificateSetKind): SetKindDescriptor | undefined {
  const kinds: Readonly<Record<string, SetKindDescriptor>> = VENDOR_DESCRIPTORS[vendor].setKinds;
  return Object.hasOwn(kinds, kind) ? kinds[kind] : undefined;
}

/**
 * The role of one slot: by its named slot, then by the vendor's state of its certificate, then the
 * kind's `*` entry. Undefined only for a slot the descriptor does not describe (a vendor change).
 */
export function deriveSlotRole(
  vendor: Vendor,
  kind: CertificateSetKind,
  slot: Pick<CertificateSlot, "slot" | "state">,
): SlotRoleSpec | undefined {
  const roles = kindDescriptor(vendor, kind)?.slotRoles;
  if (!roles) return undefined;
  const byName = Object.hasOwn(roles, slot.slot) ? roles[slot.slot] : undefined;
  const byState = slot.state && Object.hasOwn(roles, slot.state) ? roles[slot.state] : undefined;
  return byName ?? byState ?? roles["*"];
}

/** The set with every slot's role and its explanation filled in. */
export function withSlotRoles(set: CertificateSet): CertificateSet {
  return {
    ...set,
    slots: set.slots.map((slot) => {
      const spec = deriveSlotRole(set.vendor, set.kind, slot);
      // Object.assign, not `{ ...slot, role, roleExplanation }`: V8 (Node 20) gives each object
      // spread-then-extended its own hidden class, 0.6 µs a slot (bench/adapter-list.ts).
      return spec ? Object.assign({}, slot, { role: spec.role, roleExplanation: spec.explanation }) : slot;
    }),
  };
}

/** True when no slot of the set holds a certificate (nor one it could not read): nothing is installed. */
export function isEmptySet(set: Pick<CertificateSet, "slots">): boolean {
  return set.slots.every((slot) => !slot.certificate && !slot.parseError);
}

/**
 * What an empty set means for sign-in, from its kind's `whenEmpty`: sign-in fails only where the
 * vendor's semantics say so and the set is in use (`inUse` not false).
 */
export function emptySetImpact(
  vendor: Vendor,
  kind: CertificateSetKind,
  inUse: boolean | undefined,
): EmptySetSpec {
  const spec = kindDescriptor(vendor, kind)?.whenEmpty ?? {
    signInFails: false,
    explanation: "No certificate installed.",
  };
  if (!spec.signInFails || inUse !== false) return spec;
  return {
    signInFails: false,
    explanation: `${spec.explanation} It is disabled now, so nothing signs in through it.`,
  };
}

/** The explanation of a role at a vendor (the first set kind that declares it), for stored rows. */
export function roleExplanation(vendor: Vendor, role: string): string | undefined {
  for (const kind of Object.values<SetKindDescriptor>(VENDOR_DESCRIPTORS[vendor].setKinds)) {
    const spec = Object.values(kind.slotRoles).find((candidate) => candidate.role === role);
    if (spec) return spec.explanation;
  }
  return undefined;
}
