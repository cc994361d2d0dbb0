import { daysLeft } from "@/lib/x509/expiry";
import type { TimelineBar } from "@/lib/timeline/lanes";
import { STATUS_STYLES } from "./status-style";

/** "in 12 days", "today", "3 days ago": time left in words. */
export function daysLeftText(notAfter: string, now: Date): string {
  const days = daysLeft(notAfter, now);
  if (days < 0) return `expired ${-days} day${days === -1 ? "" : "s"} ago`;
  if (days === 0) return "expires within a day";
  return `${days} day${days === 1 ? "" : "s"} left`;
}

/** A date as YYYY-MM-DD (UTC): the same on the server and in every browser. */
export function isoDay(iso: string): string {
  return iso.slice(0, 10);
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
