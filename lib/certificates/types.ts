// Client-safe: the certificate list as the browser renders it.
import type { CertificateSetEntry } from "./list";

/** Every enabled connection's certificate sets from the inventory (summaries, no PEMs). */
export interface CertificateList {
  entries: CertificateSetEntry[];
  /** Connections never read yet: their sets are still to come. */
  neverRead: string[];
  /** ISO 8601: when the server read this from the database; statuses are computed at this time. */
  readAt: string;
}
