// Client-safe: the certificate inventory as the browser renders it.
import type { Vendor } from "@/lib/connections/schemas";
import type { VendorErrorJSON } from "@/lib/vendors/contracts";
import type { CertificateSetEntry } from "./list";

/** A connection whose sets could not be read, with the vendor's error for the user. */
export interface ConnectionReadFailure {
  connection: { id: string; name: string; vendor: Vendor };
  error: Pick<VendorErrorJSON, "kind" | "userMessage" | "status" | "vendorCode" | "requestId">;
}
export interface CertificateInventory {
  entries: CertificateSetEntry[];
  failures: ConnectionReadFailure[];
  readAt: string;
}
