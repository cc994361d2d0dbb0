import "server-only";
import { isAllowed, parseAllowList, type AllowList } from "@/lib/net/allow-list";

// Custom vendor hosts: a self-hosted gateway or the test sandbox, which a connection may send its
// secrets to only when the server's TRUSTDECK_CUSTOM_VENDOR_HOSTS names them (host or host:port,
// exact, as lib/net/allow-list.ts matches; none by default). Read from the process environment
// at each call, like the egress proxy settings, so that the save checks
// (lib/connections/destination-policy.ts) and the vendor HTTP path (vendor-fetch.ts) agree.

/** The server setting that names custom vendor hosts. */
export const CUSTOM_HOSTS_VARIABLE = "TRUSTDECK_CUSTOM_VENDOR_HOSTS";

let memo: { spec: string | undefined; allow: AllowList } | undefined;

/** The custom vendor hosts the environment names. */
export function customVendorHosts(
  env: Readonly<Record<string, string | undefined>> = process.env,
): AllowList {
  const spec = env[CUSTOM_HOSTS_VARIABLE];
  if (memo && memo.spec === spec) return memo.allow;
  memo = { spec, allow: parseAllowList(spec) };
  return memo.allow;
}

/** Whether a URL's host and port are named by the custom host allow-list. */
export function isCustomVendorHost(url: URL, allow: AllowList = customVendorHosts()): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const port = Number(url.port) || (url.protocol === "https:" ? 443 : 80);
  return isAllowed(allow, host, port, host);
}
