import "server-only";
import { recordSetChange } from "@/lib/inventory/snapshot";
import type { CertificateSet, CertificateSetAction, VendorConnection } from "@/lib/vendors/model";
import { operationsFor } from "@/lib/vendors/registry";
import type { Reconciler } from "./types";

/** What the audit log keeps of a set: each slot's thumbprint, expiry, state and vendor id. */
export interface SlotDigest {
  slot: string;
  sha256: string | null;
  notAfter: string | null;
  state: string | null;
  vendorId: string | null;
}

/** A certificate action's intent: enough to tell from the set alone whether it was applied. */
export interface CertificateIntent {
  kind: "certificate";
  connectionId: string;
  setId: string;
  action: Exclude<CertificateSetAction, "download-pem">;
  certificateId?: string;
  /** The SHA-256 of an uploaded or imported certificate. */
  uploadedSha256?: string;
  before: SlotDigest[];
}

/** The audit digest of a set. */
export function slotDigest(set: CertificateSet): SlotDigest[] {
  return set.slots.map((slot) => ({
    slot: slot.slot,
    sha256: slot.certificate?.sha256 ?? null,
    notAfter: slot.certificate?.notAfter ?? null,
    state: slot.state ?? null,
    vendorId: slot.vendorId ?? null,
  }));
}

const shaIn = (digest: SlotDigest[], slot: string) => digest.find((d) => d.slot === slot)?.sha256 ?? null;

/** Whether `after` shows the intended change. Pure: the same check runs live and after a crash. */
export function certificateApplied(intent: CertificateIntent, after: CertificateSet): boolean {
  const now = slotDigest(after);
  const known = new Set(intent.before.flatMap((d) => (d.sha256 ? [d.sha256] : [])));
  switch (intent.action) {
    case "upload-primary":
    case "upload-secondary":
    case "import-idp-certificate":
      return now.some((d) => d.sha256 === intent.uploadedSha256);
    case "rotate":
    case "create-sp-certificate":
      return now.some((d) => d.sha256 !== null && !known.has(d.sha256));
    case "switch": {
      const formerSecondary = shaIn(intent.before, "secondary");
      return formerSecondary !== null && shaIn(now, "primary") === formerSecondary;
    }
    case "delete-certificate":
      return !now.some((d) => d.vendorId === intent.certificateId);
    case "activate":
      return now.some((d) => d.vendorId === intent.certificateId && d.state === "ACTIVE");
  }
}

/** Re-reads the set once and records it in the inventory. */
export function certificateReconciler(
  conn: VendorConnection,
  intent: CertificateIntent,
): Reconciler<CertificateSet> {
  return {
    reread: () => operationsFor(conn, "live").getCertificateSet(intent.setId),
    applied: (after) => certificateApplied(intent, after),
    digest: slotDigest,
    record: async (db, after, now) => {
      await recordSetChange(db, { connection: { id: conn.id, vendor: conn.vendor }, set: after, now });
    },
  };
}
