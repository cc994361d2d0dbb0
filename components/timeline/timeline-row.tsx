import { memo } from "react";
import type { TimelineRow as Row } from "@/lib/timeline/lanes";
import { TIMELINE_STATUSES, type TimeView } from "@/lib/timeline/types";
import { cn } from "@/lib/cn";
import { MiddleTruncate } from "@/components/ui/middle-truncate";
import { LABEL_COLUMN, panLayerStyle } from "./pan-layer";
import { STATUS_STYLES } from "./status-style";
import { TimelineBar } from "./timeline-bar";

interface Props {
  row: Row;
  view: TimeView;
  width: number;
  now: Date;
  /** The certificate that takes Tab into the plot (roving tab index). */
  tabbableKey: string | null;
  activeKey: string | null;
  vendorLabel: (vendor: string) => string;
  onToggle: (groupId: string) => void;
  onHover: (key: string | null) => void;
  onFocusBar: (key: string) => void;
}

function GroupSummary({ counts }: { counts: Record<string, number> }) {
  const parts = TIMELINE_STATUSES.filter((s) => counts[s]).map(
    (s) => `${counts[s]} ${STATUS_STYLES[s].label.toLowerCase()}`,
  );
  return (
    <span className="truncate text-xs font-normal text-zinc-600 dark:text-zinc-400">{parts.join(" · ")}</span>
  );
}

/** A vendor or connection heading (a button that collapses its group), or a set's lane of bars. */
export const TimelineRowView = memo(function TimelineRowView({
  row,
  view,
  width,
  now,
  tabbableKey,
  activeKey,
  vendorLabel,
  onToggle,
  onHover,
  onFocusBar,
}: Props) {
  if (row.kind !== "lane") {
    const vendor = row.kind === "vendor";
    const name = vendor ? vendorLabel(row.group.vendor) : row.group.name;
    return (
      <div
        className={cn(
          "flex h-full items-center border-b border-zinc-200 dark:border-zinc-800",
          vendor ? "bg-zinc-100 dark:bg-zinc-800/70" : "bg-zinc-50 dark:bg-zinc-900/60",
        )}
      >
        <button
          type="button"
          aria-expanded={!row.collapsed}
          onClick={() => onToggle(row.id)}
          className={cn(
            "flex h-full min-w-0 flex-1 items-center gap-2 text-left text-sm focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-sky-600",
            vendor ? "px-2 font-semibold" : "pl-6 font-medium",
          )}
        >
          <span aria-hidden="true" className="w-3 text-zinc-600 dark:text-zinc-400">
            {row.collapsed ? "▸" : "▾"}
          </span>
          <MiddleTruncate text={name} className="max-w-[60%] shrink-0" />
          <GroupSummary counts={row.group.counts} />
        </button>
      </div>
    );
  }
  const { lane } = row;
  return (
    <div
      role="group"
      aria-label={`${lane.label}, ${lane.connectionName}`}
      className="flex h-full border-b border-zinc-100 dark:border-zinc-800/60"
      data-testid="timeline-lane"
    >
      <div
        className={cn(
          LABEL_COLUMN,
          "flex shrink-0 items-center border-r border-zinc-200 bg-white/90 py-1 pr-2 pl-10 text-xs dark:border-zinc-800 dark:bg-zinc-900/90",
        )}
      >
        <MiddleTruncate text={lane.label} />
      </div>
      <div className="relative flex-1 overflow-hidden">
        <div className="absolute inset-0" style={panLayerStyle}>
          {lane.bars.map((bar) => (
            <TimelineBar
              key={bar.cert.key}
              bar={bar}
              view={view}
              width={width}
              now={now}
              tabbable={bar.cert.key === tabbableKey}
              active={bar.cert.key === activeKey}
              onHover={onHover}
              onFocusBar={onFocusBar}
            />
          ))}
        </div>
      </div>
    </div>
  );
});
