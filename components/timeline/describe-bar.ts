import { expiryPhrase, formatUtcDate } from "@/lib/time/format";
import type { TimelineBar } from "@/lib/timeline/lanes";
import { STATUS_STYLES } from "./status-style";

/** "expires in 12 days", "expires today", "expired 3 days ago": the app's one expiry phrase. */
export function daysLeftText(notAfter: string, now: Date): string {
  return expiryPhrase(notAfter, now);
}

/** A date as YYYY-MM-DD (UTC): the same on the server and in every browser. */
export function isoDay(iso: string): string {
  return formatUtcDate(iso);
}

/** Thumbprint in colon-separated pairs. */
export function formatThumbprint(hex: string): string {
  return hex.match(/.{1,2}/g)?.join(":") ?? hex;
}

/** The accessible name of a bar: everything the details panel says, in one sentence. */
export function barLabel(bar: TimelineBar, now: Date): string {
  const { cert } = bar;
  return `${cert.commonName ?? cert.subject} in ${cert.setLabel} (${cert.slot}), ${STATUS_STYLES[bar.status].label}: ${isoDay(cert.notBefore)} to ${isoDay(cert.notAfter)}, ${daysLeftText(cert.notAfter, now)}`;
}
