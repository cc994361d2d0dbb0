import Link from "next/link";
import { memo } from "react";
import type { TimelineBar as Bar } from "@/lib/timeline/lanes";
import { barGeometry } from "@/lib/timeline/scale";
import { TRACK_PX } from "@/lib/timeline/lanes";
import type { TimeView } from "@/lib/timeline/types";
import { cn } from "@/lib/cn";
import { barLabel } from "./describe-bar";
import { STATUS_STYLES } from "./status-style";

/** The DOM id of a certificate's bar (for focus and aria). */
export function barDomId(key: string): string {
  return `tl-${key.replace(/[^A-Za-z0-9_-]/g, "_")}`;
}

interface Props {
  bar: Bar;
  view: TimeView;
  width: number;
  now: Date;
  tabbable: boolean;
  active: boolean;
  onHover: (key: string | null) => void;
  onFocusBar: (key: string) => void;
}

/**
 * One certificate from not-before to not-after, positioned from the scale alone (transform and
 * width; nothing measured). A certificate outside the window becomes a marker at that edge, so
 * that it stays reachable from the keyboard.
 */
export const TimelineBar = memo(function TimelineBar({
  bar,
  view,
  width,
  now,
  tabbable,
  active,
  onHover,
  onFocusBar,
}: Props) {
  const geometry = barGeometry(bar.start, bar.end, view, width);
  const style = STATUS_STYLES[bar.status];
  const edge = geometry.edge === "before" ? "◀" : geometry.edge === "after" ? "▶" : null;
  return (
    <Link
      id={barDomId(bar.cert.key)}
      href={bar.cert.setHref}
      prefetch={false}
      tabIndex={tabbable ? 0 : -1}
      aria-label={`${barLabel(bar, now)}${edge ? ` (outside the window, ${geometry.edge === "before" ? "earlier" : "later"})` : ""}. Opens its set.`}
      data-testid="timeline-bar"
      data-status={bar.status}
      data-key={bar.cert.key}
      draggable={false}
      onPointerEnter={() => onHover(bar.cert.key)}
      onPointerLeave={() => onHover(null)}
      onFocus={() => onFocusBar(bar.cert.key)}
      className={cn(
        "absolute left-0 flex items-center gap-1 overflow-hidden rounded-sm px-1 text-[11px] leading-none font-medium whitespace-nowrap select-none focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 dark:focus-visible:outline-sky-400",
        style.className,
        geometry.clippedStart && !edge && "rounded-l-none",
        geometry.clippedEnd && !edge && "rounded-r-none",
        edge && "justify-center px-0 opacity-70",
        // Emphasis follows sign-in: outages stand out, what nothing depends on recedes.
        bar.status === "expired" && "ring-2 ring-red-700 dark:ring-red-400",
        (bar.status === "housekeeping" || bar.status === "inactive") && "opacity-60",
        active && "z-10 outline-2 outline-offset-1 outline-zinc-900 dark:outline-white",
      )}
      style={{
        ...style.style,
        transform: `translateX(${geometry.x}px)`,
        width: geometry.width,
        top: 4 + bar.track * TRACK_PX,
        height: TRACK_PX - 4,
      }}
    >
      <span aria-hidden="true">{edge ?? style.icon}</span>
      {edge ? null : (
        <span aria-hidden="true" className="truncate">
          {style.label} · {bar.cert.commonName ?? bar.cert.slot}
        </span>
      )}
    </Link>
  );
});
