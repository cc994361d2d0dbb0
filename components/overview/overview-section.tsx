import { useId, type ReactNode } from "react";
import { cn } from "@/lib/cn";

/** A titled region of the overview, labelled by its heading for landmark navigation. */
export function OverviewSection({
  title,
  children,
  className,
}: {
  title: string;
  children: ReactNode;
  className?: string;
}) {
  const id = useId();
  return (
    <section aria-labelledby={id} className={cn("space-y-3", className)}>
      <h2 id={id} className="text-base font-semibold text-zinc-900 dark:text-zinc-50">
        {title}
      </h2>
      {children}
    </section>
  );
}
