import "server-only";

import { VENDOR_LABELS } from "@/lib/connections/schemas";
import type { VendorErrorInit } from "./errors";

/**
 * The one sentence each kind of vendor failure shows when the vendor's adapter has nothing more
 * precise to say. Adapters replace it (`userMessage`) where the vendor's answer names the cause.
 */
export function defaultUserMessage(init: VendorErrorInit): string {
  const vendor = VENDOR_LABELS[init.vendor];
  const detail = init.vendorMessage ? ` ${vendor} said: “${init.vendorMessage}”.` : "";
  const host = hostOf(init.url);
  switch (init.kind) {
    case "auth":
      return `${vendor} rejected the connection's credentials.${detail} Check the credentials in the connection settings and replace them if they were rotated.`;
    case "credentials-expired":
      return `The connection's credentials have expired at ${vendor}. Create new ones and replace them in the connection settings.`;
    case "clock-skew":
      return `${vendor} refused the request because this server's clock is wrong. Fix the server's time (NTP), then try again.`;
    case "permission":
      return `The credentials work but are not allowed to ${init.operation}.${detail} Grant the missing permission at ${vendor}, then try again.`;
    case "wrong-account":
      return `The credentials work but belong to another ${vendor} account than the one in the connection settings. Check the account identifiers, or use credentials of that account.`;
    case "not-found":
      return `${vendor} could not find what was asked for (${init.operation}).${detail} It may have been removed; reload the page, and check the identifiers in the connection settings.`;
    case "validation":
      return `${vendor} refused the request.${detail} Correct the input and try again.`;
    case "rate-limited":
      return `${vendor} is limiting the rate of requests. Try again${init.retryAfterSeconds ? ` in ${formatSeconds(init.retryAfterSeconds)}` : " in a few minutes"}.`;
    case "unavailable":
      return `${vendor} is temporarily unavailable${init.status ? ` (HTTP ${init.status})` : ""}. Try again in a few minutes.`;
    case "timeout":
      return `${vendor}${host ? ` (${host})` : ""} did not answer ${waited(init.waitedMs)}${init.attempts && init.attempts > 1 ? ` (${init.attempts} attempts)` : ""}. Try again; if it keeps happening, check the network path to the vendor.`;
    case "malformed-response":
      return init.ambiguous
        ? `${vendor} accepted the request to ${init.operation} but its answer could not be read, so the change may have been applied. Reload to see the current state before trying again.`
        : `${vendor} answered the request to ${init.operation} with data Trustdeck cannot read.${detail} Try again; if it keeps happening, report it with the request id.`;
    case "wrong-base-url":
      return `${init.url ?? vendor} answered with a web page or a redirect, not ${vendor}'s API.${detail} Check that the base URL points at the vendor's API.`;
    case "ambiguous-write":
      return `${init.waitedMs === undefined ? `The connection to ${host ?? vendor} was lost` : `${vendor} did not answer ${waited(init.waitedMs)}`} after the request to ${init.operation} was sent, so it may or may not have been applied. Reload to see the current state before trying again.`;
    case "connection-lost":
      return `The connection to ${host ?? vendor} was cut before ${vendor} answered${init.vendorMessage ? ` (${init.vendorMessage})` : ""}. Try again; if it keeps happening, check proxies and firewalls between this server and the vendor.`;
    case "network":
      return `Could not reach ${host ?? vendor}. Check the base URL and that this server can reach it.`;
    case "tls":
      return `The secure (TLS) connection to ${host ?? vendor} failed. Check the host name and that this server trusts its certificate.`;
  }
}

/** "within 15 seconds", from what the caller waited. */
export function waited(waitedMs: number | undefined): string {
  if (waitedMs === undefined) return "in time";
  if (waitedMs < 1000) return `within ${waitedMs} ms`;
  const seconds = Math.round(waitedMs / 100) / 10;
  return `within ${seconds} second${seconds === 1 ? "" : "s"}`;
}

function hostOf(url: string | undefined): string | undefined {
  if (!url || !URL.canParse(url)) return undefined;
  return new URL(url).host;
}

function formatSeconds(seconds: number): string {
  if (seconds < 90) return `${Math.ceil(seconds)} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}
