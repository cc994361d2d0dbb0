import "server-only";
import { BlockList, isIP } from "node:net";

// The issuer preflight fetches URLs that users type. Without a guard, it would let any operator
// probe the server's own network (cloud metadata at 169.254.169.254, admin ports on localhost).
// Private, loopback, link-local and reserved ranges are refused unless an allow-list names them.

const V4_RANGES: [string, number, string][] = [
  ["0.0.0.0", 8, "this-network"],
  ["10.0.0.0", 8, "private"],
  ["100.64.0.0", 10, "carrier-grade NAT"],
  ["127.0.0.0", 8, "loopback"],
  ["169.254.0.0", 16, "link-local (cloud metadata)"],
  ["172.16.0.0", 12, "private"],
  ["192.0.0.0", 24, "reserved"],
  ["192.0.2.0", 24, "documentation"],
  ["192.168.0.0", 16, "private"],
  ["198.18.0.0", 15, "benchmarking"],
  ["198.51.100.0", 24, "documentation"],
  ["203.0.113.0", 24, "documentation"],
  ["224.0.0.0", 4, "multicast"],
  ["240.0.0.0", 4, "reserved"],
];
const V6_RANGES: [string, number, string][] = [
  ["::", 128, "unspecified"],
  ["::1", 128, "loopback"],
  ["64:ff9b::", 96, "NAT64"],
  ["100::", 64, "discard"],
  ["2001:db8::", 32, "documentation"],
  ["fc00::", 7, "unique local (private)"],
  ["fe80::", 10, "link-local"],
  ["ff00::", 8, "multicast"],
];

function rangesOf(list: [string, number, string][], type: "ipv4" | "ipv6") {
  return list.map(([net, prefix, label]) => {
    const block = new BlockList();
    block.addSubnet(net, prefix, type);
    return { block, label: `${label}, ${net}/${prefix}` };
  });
}
const V4 = rangesOf(V4_RANGES, "ipv4");
const V6 = rangesOf(V6_RANGES, "ipv6");

/** Why an address is not a public one ("loopback, 127.0.0.0/8"), or null for a public address. */
export function nonPublicRange(address: string): string | null {
  // IPv4-mapped IPv6 (::ffff:10.0.0.1) reaches the IPv4 host: judge it as IPv4.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  const ip = mapped ?? address;
  const family = isIP(ip);
  if (family === 4) return V4.find((r) => r.block.check(ip, "ipv4"))?.label ?? null;
  if (family === 6) return V6.find((r) => r.block.check(ip, "ipv6"))?.label ?? null;
  return "not an IP address";
}

/** Hosts and ranges that may be fetched although they are not public. */
export interface AllowList {
  /** Lower-case host names, or host:port pairs. */
  hosts: ReadonlySet<string>;
  ranges: BlockList;
  /** The configuration as written, for messages. */
  spec: string;
}

/**
 * Parses a comma- or space-separated allow-list: host names (`localhost`), `host:port`, IP
 * addresses and CIDR ranges (`10.1.0.0/16`, `fd00::/8`). Unknown entries are ignored.
 */
export function parseAllowList(spec: string | undefined): AllowList {
  const hosts = new Set<string>();
  const ranges = new BlockList();
  for (const entry of (spec ?? "").split(/[\s,]+/).filter(Boolean)) {
    const [net, prefix] = entry.split("/");
    const family = isIP(net ?? "");
    if (family && prefix !== undefined && /^\d+$/.test(prefix))
      ranges.addSubnet(net!, Number(prefix), family === 4 ? "ipv4" : "ipv6");
    else if (family) ranges.addAddress(net!, family === 4 ? "ipv4" : "ipv6");
    else hosts.add(entry.toLowerCase());
  }
  return { hosts, ranges, spec: spec ?? "" };
}

/** Whether a non-public address may be fetched for this host and port. */
export function isAllowed(allow: AllowList, host: string, port: number, address: string): boolean {
  const name = host.toLowerCase().replace(/^\[|\]$/g, "");
  if (allow.hosts.has(name) || allow.hosts.has(`${name}:${port}`)) return true;
  const family = isIP(address);
  return family !== 0 && allow.ranges.check(address, family === 4 ? "ipv4" : "ipv6");
}
