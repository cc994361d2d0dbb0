import { KEY_HELP } from "@/lib/timeline/input";
import { TIMELINE_STATUSES } from "@/lib/timeline/types";
import { STATUS_STYLES } from "./status-style";
import { StatusSwatch } from "./status-swatch";

/** What the bar patterns mean, and the keys and mouse gestures of the timeline. */
export function TimelineLegend({ helpId }: { helpId: string }) {
  return (
    <div className="flex flex-wrap items-start justify-between gap-x-6 gap-y-2 text-xs text-zinc-600 dark:text-zinc-400">
      <ul aria-label="Legend" className="flex flex-wrap gap-x-4 gap-y-1">
        {TIMELINE_STATUSES.map((status) => (
          <li key={status} className="flex items-center gap-1.5">
            <StatusSwatch status={status} />
            <span>
              {STATUS_STYLES[status].label}{" "}
              <span className="text-zinc-600 dark:text-zinc-400">({STATUS_STYLES[status].pattern})</span>
            </span>
          </li>
        ))}
      </ul>
      <details className="max-w-md">
        <summary className="cursor-pointer rounded font-medium text-zinc-700 focus-visible:ring-2 focus-visible:ring-sky-500 focus-visible:outline-none dark:text-zinc-300">
          Keyboard and mouse
        </summary>
        <div id={helpId}>
          <p className="mt-1">Focus the timeline (Tab), then:</p>
          <dl className="mt-1 grid grid-cols-[6rem_1fr] gap-x-2">
            {KEY_HELP.map(({ keys, does }) => (
              <div key={keys} className="contents">
                <dt className="font-mono">{keys}</dt>
                <dd>{does}</dd>
              </div>
            ))}
          </dl>
          <p className="mt-1">
            Mouse: drag to move in time, Ctrl/⌘ + wheel to zoom at the pointer, Shift + wheel to move, wheel
            to scroll the sets.
          </p>
        </div>
      </details>
    </div>
  );
}
