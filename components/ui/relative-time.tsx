"use client";

import { agoPhrase, formatUtcDateTime } from "@/lib/time/format";
import { useHydrated } from "./use-hydrated";

/**
 * "3 hours ago" (after mount) with the exact UTC time as its title; "2026-11-27 12:40 UTC" before.
 * The server and the hydrating browser both render the absolute UTC time, so a browser in another
 * time zone or locale never causes a hydration mismatch; the relative phrase, which depends on the
 * browser's clock, appears only after mount.
 */
export function TimeAgo({ at, className }: { at: string | Date; className?: string }) {
  const hydrated = useHydrated();
  const iso = typeof at === "string" ? at : at.toISOString();
  const exact = formatUtcDateTime(iso);
  return (
    <time dateTime={iso} title={exact} className={className}>
      {hydrated ? agoPhrase(iso, new Date()) : exact}
    </time>
  );
}
