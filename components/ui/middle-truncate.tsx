import { cn } from "@/lib/cn";

/** How many trailing characters always stay visible: where "… backup-2026" and "… primary" differ. */
const DEFAULT_TAIL = 12;

/**
 * One line of text that, when too long, is cut in the middle ("SAML signing certif…ackup-2026")
 * instead of at the end, so the end of a name, which often tells two names apart, stays visible.
 * CSS only: the head truncates with an ellipsis, the tail never shrinks. The full text is the
 * title; screen readers read it whole (the visual split is hidden from them).
 */
export function MiddleTruncate({
  text,
  tail = DEFAULT_TAIL,
  className,
}: {
  text: string;
  tail?: number;
  className?: string;
}) {
  const cut = text.length > tail * 2 ? text.length - tail : text.length;
  return (
    <span className={cn("flex min-w-0", className)} title={text}>
      <span className="sr-only">{text}</span>
      <span aria-hidden="true" className="truncate whitespace-pre">
        {text.slice(0, cut)}
      </span>
      {cut < text.length ? (
        <span aria-hidden="true" className="shrink-0 whitespace-pre">
          {text.slice(cut)}
        </span>
      ) : null}
    </span>
  );
}
