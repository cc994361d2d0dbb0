// Client-safe: a certificate set as the list pages show it, rebuilt from the inventory snapshot.
import type { CertificateSetKind, CertificateSlot } from "@/lib/vendors/contracts";
import { descriptorOf, type Vendor } from "@/lib/vendors/descriptors";
import type { SlotRole } from "@/lib/vendors/descriptor";
import { storedSummary, type StoredSummary, type StoredSummaryColumns } from "@/lib/inventory/stored-summary";

/** What the list shows of a certificate: its summary without the PEM (the set page and download route have it). */
export type ListedCertificate = StoredSummary;

/** One slot of a listed set; `certificate` is null for an empty named slot. */
export type ListedSlot = Pick<CertificateSlot, "slot" | "vendorId" | "state" | "role" | "parseError"> & {
  certificate: ListedCertificate | null;
};

/** A certificate set as the list holds it: no actions (the set page reads them live), no PEMs. */
export interface ListedSet {
  id: string;
  connectionId: string;
  vendor: Vendor;
  kind: CertificateSetKind;
  label: string;
  slots: ListedSlot[];
  /**
   * Present when no slot holds a certificate: nothing is installed (not an error), and whether
   * sign-in through the set fails because of it.
   */
  empty?: { signInFails: boolean };
}

/** A stored empty set (lib/inventory/empty-sets.ts), as `listedSetsFrom` takes it. */
export interface EmptySetRow {
  connectionId: string;
  vendor: Vendor;
  setId: string;
  setLabel: string;
  setKind: string;
  signInFails: boolean;
}

/** One stored inventory row, as `listedSetsFrom` takes it (the columns the list needs). */
export interface InventorySetRow extends StoredSummaryColumns {
  connectionId: string;
  vendor: Vendor;
  setId: string;
  setLabel: string;
  setKind: string;
  slot: string;
  state: string | null;
  role: SlotRole | null;
}

function namedSlotsOf(vendor: Vendor, kind: string): readonly string[] {
  const kinds = descriptorOf(vendor).setKinds as Readonly<Record<string, { namedSlots: readonly string[] }>>;
  return kinds[kind]?.namedSlots ?? [];
}

function toSlot(row: InventorySetRow): ListedSlot {
  const certificate: ListedCertificate = storedSummary(row);
  const slot: ListedSlot = { slot: row.slot, certificate };
  if (row.state) slot.state = row.state as NonNullable<ListedSlot["state"]>;
  if (row.role) slot.role = row.role;
  return slot;
}

/** A set as a stored row names it, before its slots are added. */
function setWithoutSlots(
  row: Pick<InventorySetRow, "setId" | "connectionId" | "vendor" | "setKind" | "setLabel">,
): ListedSet {
  return {
    id: row.setId,
    connectionId: row.connectionId,
    vendor: row.vendor,
    kind: row.setKind as CertificateSetKind,
    label: row.setLabel,
    slots: [],
  };
}

/**
 * Group stored certificate rows into sets, and add the sets stored as empty. The inventory keeps
 * certificates, not empty slots, so a named slot with no certificate (an empty UiPath secondary)
 * is put back as empty; slots named by vendor ids follow in order of expiry.
 */
export function listedSetsFrom(
  rows: readonly InventorySetRow[],
  emptySets: readonly EmptySetRow[] = [],
): ListedSet[] {
  const sets = new Map<string, ListedSet>();
  for (const row of emptySets)
    sets.set(`${row.connectionId}/${row.setId}`, {
      ...setWithoutSlots(row),
      empty: { signInFails: row.signInFails },
    });
  for (const row of rows) {
    // Set ids are unique within a connection only (every UiPath organization has its "saml" set).
    const key = `${row.connectionId}/${row.setId}`;
    let set = sets.get(key);
    if (set?.empty) {
      // Stored as empty and holding a certificate (a refresh and a write crossed): it is not empty.
      delete set.empty;
    }
    if (!set) {
      set = setWithoutSlots(row);
      sets.set(key, set);
    }
    set.slots.push(toSlot(row));
  }
  for (const set of sets.values()) {
    const named = namedSlotsOf(set.vendor, set.kind);
    const rank = (slot: ListedSlot) => (named.includes(slot.slot) ? named.indexOf(slot.slot) : named.length);
    for (const name of named)
      if (!set.slots.some((s) => s.slot === name)) set.slots.push({ slot: name, certificate: null });
    set.slots.sort(
      (a, b) =>
        rank(a) - rank(b) || (a.certificate?.notAfter ?? "").localeCompare(b.certificate?.notAfter ?? ""),
    );
  }
  return [...sets.values()];
}
