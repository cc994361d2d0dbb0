import type { SlotRole } from "@/lib/vendors/descriptor";
import type { Vendor } from "@/lib/vendors/descriptors";

/**
 * One certificate of the inventory snapshot, as the overview and the timeline consume it.
 * Plain JSON (ISO 8601 strings), safe to pass to client components. Status is not included:
 * compute it with `lib/certificates/status` or `lib/x509/expiry` at render time.
 */
export interface InventoryCertificate {
  /** Stable: `<connectionId>/<setId>/<sha256>`. */
  key: string;
  vendor: Vendor;
  connectionId: string;
  connectionName: string;
  setId: string;
  setLabel: string;
  /** `/certificates/<connectionId>/<encodeURIComponent(setId)>`: the set's detail page. */
  setHref: string;
  /** A named slot of its set kind (`primary`, `current`, …) or a vendor certificate id. */
  slot: string;
  /** The vendor's own state, where it keeps one per certificate: ACTIVE / INACTIVE / EXPIRED. */
  state?: "ACTIVE" | "INACTIVE" | "EXPIRED";
  /** What sign-in depends on it for; absent on rows stored before roles were recorded. */
  role?: SlotRole;
  /** ISO 8601: when its set's sign-in can break, as of the last snapshot; absent when never. */
  setBreaksAt?: string;
  /** Upper-case hex without separators. */
  sha256: string;
  sha1: string;
  subject: string;
  commonName?: string;
  issuer: string;
  serialNumber: string;
  /** ISO 8601 (UTC). */
  notBefore: string;
  notAfter: string;
  keyAlgorithm: string;
  keySize?: number;
  signatureAlgorithm: string;
  /** ISO 8601: when Trustdeck first and last saw this certificate in this set. */
  firstSeenAt: string;
  lastSeenAt: string;
}

/**
 * A certificate set with no certificate in any slot, as last read: nothing is installed, which
 * is not an error. Plain JSON, safe to pass to client components.
 */
export interface InventoryEmptySet {
  /** `<connectionId>/<setId>`. */
  key: string;
  vendor: Vendor;
  connectionId: string;
  connectionName: string;
  setId: string;
  setLabel: string;
  setKind: string;
  setHref: string;
  /** Sign-in through the set fails while it is empty (its kind's semantics, and it is in use). */
  signInFails: boolean;
  /** ISO 8601: when Trustdeck first saw it without a certificate. */
  firstSeenAt: string;
}

/** A connection's freshness in the inventory. */
export interface InventoryConnection {
  id: string;
  name: string;
  vendor: Vendor;
  /** ISO 8601, null when never read successfully. */
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  /** True when the last read failed (or it was never read): its certificates are from `lastSuccessAt`. */
  stale: boolean;
  /** Why the last read failed, in the vendor's words; null after a success. */
  lastError: string | null;
  /** Why the last refresh could not read its federated credentials (its certificates read fine). */
  federatedError: string | null;
}

/** A change seen at a vendor that Trustdeck did not make, or a re-issue that changed subject or key. */
export interface DriftEvent {
  id: number;
  /** ISO 8601 */
  detectedAt: string;
  kind: "external-change" | "reissued-different";
  connectionId: string;
  connectionName: string;
  setId: string;
  setHref: string;
  certificateKey: string;
  /** One plain sentence for people, e.g. "<vendor> · Acme SAML: certificate 3F:…:A1 appeared without a change made in Trustdeck." */
  message: string;
}

/** The whole inventory from the last snapshot of every connection. */
export interface Inventory {
  certificates: InventoryCertificate[];
  /** Sets that hold no certificate (not in `certificates`, which lists certificates only). */
  emptySets: InventoryEmptySet[];
  connections: InventoryConnection[];
  drift: DriftEvent[];
}

/** History of one inventory item. */
export interface InventoryHistoryEvent {
  occurredAt: string;
  kind: "appeared" | "state-changed" | "disappeared";
  itemType: "certificate" | "federated-credential";
  itemKey: string;
  details: Record<string, unknown> | null;
}

/** A connection as a refresh reads and stores it: enough to name it in history, drift and audit. */
export interface ConnectionRef {
  id: string;
  name: string;
  vendor: Vendor;
}
