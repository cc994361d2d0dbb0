// Client-safe: one connection's certificate sets as the list renders them.
import type { InventoryConnection } from "@/lib/inventory/types";
import type { CertificateSetEntry } from "./list";

/** A connection's sets from the inventory, with how fresh they are and why the last read failed. */
export interface ConnectionCertificateSets {
  connection: InventoryConnection;
  entries: CertificateSetEntry[];
  /** ISO 8601: when the server read this from the database; statuses are computed at this time. */
  readAt: string;
}
