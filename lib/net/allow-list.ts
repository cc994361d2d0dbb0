import ipaddr from "ipaddr.js";
import { memoizeByString } from "./string-memo";

// An operator may let Trustdeck reach a few non-public places (the sandbox on localhost, an IdP
// on the internal network). Entries match exactly: a host name equals the URL's host name (case
// and one trailing dot aside, never as a suffix or prefix), a port given in the entry must equal
// the URL's port, and an address or CIDR entry matches the address connected to.

type HostEntry = { host: string; port: number | null };
type RangeEntry = { range: [ipaddr.IPv4 | ipaddr.IPv6, number] };

/** Hosts and ranges that may be fetched although they are not public. */
export interface AllowList {
  hosts: readonly HostEntry[];
  ranges: readonly RangeEntry[];
  /** The configuration as written, for messages. */
  spec: string;
}

/** Lower case, no brackets, no trailing dot; an IP literal in its canonical form. */
export const normalizeHost: (host: string) => string = memoizeByString(normalForm);

function normalForm(host: string): string {
  const bare = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, "")
    .replace(/\.$/, "");
  return ipaddr.isValid(bare) ? ipaddr.parse(bare).toString() : bare;
}

function parseEntry(entry: string): HostEntry | RangeEntry | null {
  if (entry.includes("/")) {
    try {
      return { range: ipaddr.parseCIDR(entry) };
    } catch {
      return null;
    }
  }
  if (ipaddr.isValid(entry)) {
    const address = ipaddr.parse(entry);
    return { range: [address, address.kind() === "ipv4" ? 32 : 128] };
  }
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  const [host, port] = bracketed
    ? [bracketed[1]!, bracketed[2]]
    : ipaddr.IPv6.isValid(entry)
      ? [entry, undefined]
      : (entry.split(/:(?=\d+$)/) as [string, string | undefined]);
  if (!host || (port !== undefined && !/^\d{1,5}$/.test(port))) return null;
  return { host: normalizeHost(host), port: port === undefined ? null : Number(port) };
}

/**
 * Parses a comma- or space-separated allow-list: host names (`localhost`), `host:port`
 * (`idp.internal:8443`, `[::1]:8443`), IP addresses and CIDR ranges (`10.1.0.0/16`, `fd00::/8`).
 * Malformed entries are ignored.
 */
export function parseAllowList(spec: string | undefined): AllowList {
  const hosts: HostEntry[] = [];
  const ranges: RangeEntry[] = [];
  for (const raw of (spec ?? "").split(/[\s,]+/).filter(Boolean)) {
    const entry = parseEntry(raw);
    if (entry && "range" in entry) ranges.push(entry);
    else if (entry) hosts.push(entry);
  }
  return { hosts, ranges, spec: spec ?? "" };
}

/** Whether a non-public `address` may be reached for this URL host and port. */
export function isAllowed(allow: AllowList, host: string, port: number, address: string): boolean {
  const name = normalizeHost(host);
  if (allow.hosts.some((entry) => entry.host === name && (entry.port === null || entry.port === port)))
    return true;
  const bare = address.replace(/^\[|\]$/g, "");
  if (!ipaddr.isValid(bare)) return false;
  const candidates = [ipaddr.parse(bare), ipaddr.process(bare)];
  return allow.ranges.some(({ range }) =>
    candidates.some((candidate) => candidate.kind() === range[0].kind() && candidate.match(range)),
  );
}
