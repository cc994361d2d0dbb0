/** Expiry arithmetic shared by findings, the certificate list and the expiry timeline. */

/** Where a certificate stands against its notAfter; thresholds are inclusive (≤ 7 days is "lt7"). */
export type ExpiryStatus = "expired" | "lt7" | "lt30" | "lt60" | "ok";

const DAY_MS = 86_400_000;

function toTime(value: string | Date): number {
  return typeof value === "string" ? Date.parse(value) : value.getTime();
}

/**
 * Whole days from `now` until `notAfter`, rounded down: 0 on the last day, negative once expired
 * (-1 on the first day after). NaN dates give NaN.
 */
export function daysLeft(notAfter: string | Date, now: Date): number {
  return Math.floor((toTime(notAfter) - now.getTime()) / DAY_MS);
}

/**
 * Buckets a certificate by time left: "expired" once `now` reaches notAfter, then at most 7, 30
 * and 60 days left, else "ok". Compares exact times, so "lt7" means ≤ 7 × 24 hours left.
 */
export function expiryStatus(notAfter: string | Date, now: Date): ExpiryStatus {
  const left = toTime(notAfter) - now.getTime();
  if (!(left > 0)) return "expired";
  if (left <= 7 * DAY_MS) return "lt7";
  if (left <= 30 * DAY_MS) return "lt30";
  if (left <= 60 * DAY_MS) return "lt60";
  return "ok";
}
