import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

/** One labelled control of a filter bar (a GET form): the label wraps the control. */
export function FilterField({
  label,
  children,
  className,
}: {
  label: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <label
      className={cn("flex flex-col gap-1 text-xs font-medium text-zinc-600 dark:text-zinc-400", className)}
    >
      {label}
      {children}
    </label>
  );
}
