import { MAX_CREDENTIALS_PER_APP } from "@/lib/federated/limits";
import { cn } from "@/lib/cn";

/** "n / 20": how many federated credentials an application has of UiPath's maximum. */
export function CapacityMeter({ count }: { count: number }) {
  const full = count >= MAX_CREDENTIALS_PER_APP;
  const near = count >= MAX_CREDENTIALS_PER_APP - 3;
  const label = `${count} of ${MAX_CREDENTIALS_PER_APP} federated credentials used${full ? ": full" : ""}`;
  return (
    <span className="inline-flex items-center gap-2 text-xs" title={label} data-testid="capacity-meter">
      <meter
        min={0}
        max={MAX_CREDENTIALS_PER_APP}
        low={MAX_CREDENTIALS_PER_APP - 3}
        high={MAX_CREDENTIALS_PER_APP - 1}
        optimum={0}
        value={count}
        aria-label={label}
        className="h-2 w-24"
      />
      <span
        className={cn(
          "font-mono tabular-nums",
          full
            ? "font-semibold text-red-700 dark:text-red-400"
            : near
              ? "text-amber-800 dark:text-amber-300"
              : "text-zinc-600 dark:text-zinc-400",
        )}
      >
        {count} / {MAX_CREDENTIALS_PER_APP}
      </span>
    </span>
  );
}
