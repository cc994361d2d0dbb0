import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import type { CertificateList } from "@/lib/certificates/types";

/**
 * The list's count line, any error and the rows (or why there are none). Hook-free: the server
 * renders it around the first screenful, the interactive list around the virtualised rows.
 */
export function CertificateListView({
  list,
  shown,
  note = "",
  error,
  children,
}: {
  list: CertificateList;
  /** How many sets the filters keep. */
  shown: number;
  /** Said after the count (e.g. that the inventory is still being read). */
  note?: string;
  error?: ReactNode;
  children: ReactNode;
}) {
  const total = list.entries.length;
  return (
    <div className="space-y-3">
      <p className="text-sm text-zinc-600 dark:text-zinc-400" aria-live="polite">
        {shown} of {total} set{total === 1 ? "" : "s"}
        {note}
      </p>
      {error}
      {shown === 0 ? (
        <Alert>
          {total > 0
            ? "No set matches these filters."
            : list.neverRead.length > 0
              ? "Not read yet: the first read of the connections is under way."
              : "No certificate sets yet: add a connection, or check the connections' errors above."}
        </Alert>
      ) : (
        children
      )}
    </div>
  );
}
