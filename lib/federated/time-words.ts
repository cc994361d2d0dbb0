// Times in words for the tester ("expires in 4 min", "issued 2 h ago"): precise enough to judge
// a token's freshness at a glance, short enough for a table cell.

function span(seconds: number): string {
  const s = Math.round(Math.abs(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.round(s / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours < 48) return rest && hours < 10 ? `${hours} h ${rest} min` : `${hours} h`;
  return `${Math.round(s / 86_400)} days`;
}

/** "in 4 min" or "4 min ago", relative to `nowSeconds`. */
export function relativeTime(atSeconds: number, nowSeconds: number): string {
  const delta = atSeconds - nowSeconds;
  if (Math.abs(delta) < 1) return "now";
  return delta > 0 ? `in ${span(delta)}` : `${span(delta)} ago`;
}

/** A byte count in KB with one decimal ("3.1 KB"). */
export function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** An epoch-seconds time as an ISO 8601 UTC string without milliseconds. */
export function isoSeconds(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
}
