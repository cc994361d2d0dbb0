import "server-only";
import { isNull } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { inventoryCertificates } from "@/lib/db/schema";
import { findingsForImpact } from "@/lib/certificates/finding-impact";
import { certificateStatus, siblingsBySet } from "@/lib/timeline/status";
import { roleExplanation } from "@/lib/vendors/slot-roles";
import { validityLimitOf } from "@/lib/vendors/descriptors";
import { daysLeft } from "@/lib/x509/expiry";
import { allCertificateFindings } from "@/lib/certificates/findings";
import { summarizeCertificatePem } from "@/lib/x509/summary";
import { readInventory } from "./read";
import type { InventoryCertificate, InventoryConnection, InventoryEmptySet } from "./types";

/** One exported certificate: every inventory field plus status, days left, findings and freshness. */
export interface ExportRow extends InventoryCertificate {
  status: string;
  daysLeft: number;
  /** `lib/x509/findings` codes, plus `UNPARSEABLE` when the stored PEM no longer parses. */
  findings: { code: string; severity: string; message: string }[];
  /** Whether the certificate comes from a connection whose last read failed. */
  stale: boolean;
  connectionLastSuccessAt: string | null;
}

/**
 * One exported set with no certificate in any slot, so an export lists everything the inventory
 * holds. Its status says whether sign-in through it fails now (an outage) or not (housekeeping).
 */
export interface EmptySetExportRow extends InventoryEmptySet {
  status: "empty" | "empty-sign-in-fails";
  stale: boolean;
  connectionLastSuccessAt: string | null;
}

async function findingsOf(
  pem: string,
  vendor: InventoryCertificate["vendor"],
  now: Date,
): Promise<ExportRow["findings"]> {
  try {
    return allCertificateFindings(await summarizeCertificatePem(pem), {
      now,
      ...validityLimitOf(vendor),
    }).map(({ code, severity, message }) => ({ code, severity, message }));
  } catch {
    return [
      {
        code: "UNPARSEABLE",
        severity: "warning",
        message: "The stored certificate could not be parsed again.",
      },
    ];
  }
}

/** The inventory as export rows, soonest expiry first. */
export async function exportRows(
  db: Database,
  now: Date,
): Promise<{ rows: ExportRow[]; emptySets: EmptySetExportRow[]; connections: InventoryConnection[] }> {
  const inventory = await readInventory(db, { driftLimit: 0 });
  const pems = new Map(
    (
      await db
        .select({ key: inventoryCertificates.key, pem: inventoryCertificates.pem })
        .from(inventoryCertificates)
        .where(isNull(inventoryCertificates.goneAt))
    ).map((r) => [r.key, r.pem]),
  );
  const freshness = new Map(inventory.connections.map((c) => [c.id, c]));
  const siblingsOf = siblingsBySet(inventory.certificates);
  const rows = await Promise.all(
    inventory.certificates.map(async (cert): Promise<ExportRow> => {
      // The list's status (lib/certificates/status `slotStatus`), from the snapshot's fields.
      const status = certificateStatus(cert, now, siblingsOf(cert));
      const connection = freshness.get(cert.connectionId);
      return {
        ...cert,
        status,
        daysLeft: daysLeft(cert.notAfter, now),
        // Severity by impact: an expired certificate nothing depends on is housekeeping.
        findings: findingsForImpact(
          await findingsOf(pems.get(cert.key) ?? "", cert.vendor, now),
          status,
          cert.role ? roleExplanation(cert.vendor, cert.role) : undefined,
        ),
        stale: connection?.stale ?? true,
        connectionLastSuccessAt: connection?.lastSuccessAt ?? null,
      };
    }),
  );
  const emptySets = inventory.emptySets.map((set): EmptySetExportRow => {
    const connection = freshness.get(set.connectionId);
    return {
      ...set,
      status: set.signInFails ? "empty-sign-in-fails" : "empty",
      stale: connection?.stale ?? true,
      connectionLastSuccessAt: connection?.lastSuccessAt ?? null,
    };
  });
  return { rows, emptySets, connections: inventory.connections };
}
