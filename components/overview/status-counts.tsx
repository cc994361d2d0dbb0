import Link from "next/link";
import { StatusSwatch } from "@/components/timeline/status-swatch";
import { STATUS_STYLES } from "@/components/timeline/status-style";
import type { StatusCounts } from "@/lib/timeline/lanes";
import { TIMELINE_STATUSES } from "@/lib/timeline/types";

/** One tile per status with its count, each opening the certificate list filtered to that status. */
export function StatusCountTiles({ counts }: { counts: StatusCounts }) {
  return (
    <ul aria-label="Certificates by status" className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-6">
      {TIMELINE_STATUSES.map((status) => (
        <li key={status}>
          <Link
            href={`/certificates?status=${status}`}
            data-testid={`status-count-${status}`}
            className="block rounded-lg border border-zinc-200 bg-white p-3 hover:border-zinc-400 focus-visible:outline-2 focus-visible:outline-sky-600 dark:border-zinc-800 dark:bg-zinc-900 dark:hover:border-zinc-600"
          >
            <span className="flex items-center gap-2 text-xs font-medium text-zinc-600 dark:text-zinc-400">
              <StatusSwatch status={status} />
              {STATUS_STYLES[status].label}
            </span>
            <span className="mt-1 block text-2xl font-semibold text-zinc-900 tabular-nums dark:text-zinc-50">
              {counts[status]}
            </span>
            <span className="sr-only">certificates; show them</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
