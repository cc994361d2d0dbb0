import { daysLeft } from "@/lib/x509/expiry";

// Time told one way: every date the app or an export shows is UTC and says so, in one format,
// whatever the server's or the browser's time zone and locale (so server and browser render the
// same text and React never sees a hydration mismatch). Days left / ago come from one function
// (`daysLeft`) on one clock passed in, so no two places disagree about the same certificate.

const DAY_MS = 86_400_000;

function toDate(value: string | Date): Date {
  return typeof value === "string" ? new Date(value) : value;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** "2026-11-27" (UTC). */
export function formatUtcDate(value: string | Date): string {
  const d = toDate(value);
  if (Number.isNaN(d.getTime())) return "unknown date";
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** "2026-11-27 12:40 UTC"; with seconds: "2026-11-27 12:40:07 UTC". */
export function formatUtcDateTime(value: string | Date, options: { seconds?: boolean } = {}): string {
  const d = toDate(value);
  if (Number.isNaN(d.getTime())) return "unknown time";
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}${options.seconds ? `:${pad(d.getUTCSeconds())}` : ""}`;
  return `${formatUtcDate(d)} ${time} UTC`;
}

function days(n: number): string {
  return `${n} day${n === 1 ? "" : "s"}`;
}

/**
 * How far an expiry is from `now`, in whole days as `daysLeft` counts them:
 * "expires today" (under 24 h left), "expires in 1 day", "expired today", "expired 3 days ago".
 */
export function expiryPhrase(notAfter: string | Date, now: Date): string {
  const at = toDate(notAfter).getTime();
  if (Number.isNaN(at)) return "expiry unknown";
  if (at > now.getTime()) {
    const left = daysLeft(notAfter, now);
    return left === 0 ? "expires today" : `expires in ${days(left)}`;
  }
  const ago = daysAgo(notAfter, now);
  return ago === 0 ? "expired today" : `expired ${days(ago)} ago`;
}

/** Whole days since `value` (rounded down: 0 within the first 24 hours), the count every "… ago" uses. */
export function daysAgo(value: string | Date, now: Date): number {
  return Math.floor((now.getTime() - toDate(value).getTime()) / DAY_MS);
}

/** How long ago something happened, in the largest whole unit: "just now", "5 minutes ago", "3 days ago". */
export function agoPhrase(value: string | Date, now: Date): string {
  const seconds = Math.floor((now.getTime() - toDate(value).getTime()) / 1000);
  if (Number.isNaN(seconds)) return "at an unknown time";
  if (seconds < 60) return "just now";
  const units: [number, string][] = [
    [86_400, "day"],
    [3_600, "hour"],
    [60, "minute"],
  ];
  for (const [size, unit] of units)
    if (seconds >= size) {
      const n = Math.floor(seconds / size);
      return `${n} ${unit}${n === 1 ? "" : "s"} ago`;
    }
  return "just now";
}
