import { cn } from "@/lib/cn";
import type { TimelineStatus } from "@/lib/timeline/types";
import { STATUS_STYLES } from "./status-style";

/** A small sample of a status's bar (pattern, colour and icon), hidden from screen readers: the text beside it says it. */
export function StatusSwatch({ status, className }: { status: TimelineStatus; className?: string }) {
  const style = STATUS_STYLES[status];
  return (
    <span
      aria-hidden="true"
      style={style.style}
      className={cn(
        "inline-flex h-4 w-8 items-center justify-center rounded-sm text-[10px] leading-none font-bold",
        style.className,
        className,
      )}
    >
      {style.icon}
    </span>
  );
}
