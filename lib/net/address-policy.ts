import ipaddr from "ipaddr.js";
import { memoizeByString } from "./string-memo";

// Which IP addresses Trustdeck may reach on a user's behalf. Anything that is not plain public
// unicast is refused: loopback, private, link-local (cloud metadata at 169.254.169.254), CGNAT,
// reserved, multicast... IPv6 forms that carry an IPv4 address inside (IPv4-mapped, IPv4-
// compatible, NAT64, 6to4, Teredo) are judged by the IPv4 address they lead to. The parser is
// ipaddr.js (the one Express's proxy-addr uses) rather than a table of our own: a hand-written
// table missed the hex form of IPv4-mapped addresses.

const V4_LABELS: Record<string, string> = {
  unspecified: "this-network, 0.0.0.0/8",
  broadcast: "broadcast, 255.255.255.255",
  multicast: "multicast, 224.0.0.0/4",
  linkLocal: "link-local (cloud metadata), 169.254.0.0/16",
  loopback: "loopback, 127.0.0.0/8",
  carrierGradeNat: "carrier-grade NAT, 100.64.0.0/10",
  private: "private, RFC 1918",
  reserved: "reserved (documentation, benchmarking or future use)",
  as112: "reserved (AS112)",
  amt: "reserved (AMT)",
};

const V6_LABELS: Record<string, string> = {
  unspecified: "unspecified, ::",
  linkLocal: "link-local, fe80::/10",
  multicast: "multicast, ff00::/8",
  loopback: "loopback, ::1",
  uniqueLocal: "unique local (private), fc00::/7",
  reserved: "reserved (documentation or future use)",
  discard: "discard, 100::/64",
  benchmarking: "benchmarking, 2001:2::/48",
  deprecatedSiteLocal: "site-local (private, deprecated), fec0::/10",
};

function v4FromBytes(bytes: number[]): ipaddr.IPv4 {
  return ipaddr.IPv4.parse(bytes.join("."));
}

/** The IPv4 addresses an IPv6 address leads to, with the name of the embedding; null if none. */
function embeddedIpv4(address: ipaddr.IPv6): { form: string; v4: ipaddr.IPv4[] } | null {
  const bytes = address.toByteArray();
  const range = address.range();
  if (range === "ipv4Mapped" || range === "rfc6145")
    return { form: "IPv4-mapped", v4: [v4FromBytes(bytes.slice(12))] };
  // 64:ff9b::/96 carries the IPv4 address in its last 32 bits; 64:ff9b:1::/48 is for local use.
  if (range === "rfc6052" && address.match(ipaddr.IPv6.parse("64:ff9b::"), 96))
    return { form: "NAT64", v4: [v4FromBytes(bytes.slice(12))] };
  if (range === "6to4") return { form: "6to4", v4: [v4FromBytes(bytes.slice(2, 6))] };
  // Teredo: bytes 4–7 are the server, bytes 12–15 the client address with every bit inverted.
  if (range === "teredo")
    return {
      form: "Teredo",
      v4: [v4FromBytes(bytes.slice(4, 8)), v4FromBytes(bytes.slice(12).map((b) => b ^ 0xff))],
    };
  // IPv4-compatible ::a.b.c.d (deprecated, but some stacks still route it to the IPv4 host).
  if (range === "unicast" && bytes.slice(0, 12).every((b) => b === 0))
    return { form: "IPv4-compatible", v4: [v4FromBytes(bytes.slice(12))] };
  return null;
}

function v4Refusal(address: ipaddr.IPv4): string | null {
  const range = address.range();
  return range === "unicast" ? null : (V4_LABELS[range] ?? range);
}

/**
 * Why an address is not a public one ("loopback, 127.0.0.0/8"), or null for a public address.
 * Accepts every notation ipaddr.js parses (dotted, decimal, octal, hex, short IPv4; IPv6 with
 * embedded IPv4); anything else is refused as "not an IP address".
 */
export const nonPublicRange: (raw: string) => string | null = memoizeByString(rangeOf);

function rangeOf(raw: string): string | null {
  const text = raw.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  if (!ipaddr.isValid(text)) return "not an IP address";
  const address = ipaddr.parse(text);
  if (address.kind() === "ipv4") return v4Refusal(address as ipaddr.IPv4);
  const v6 = address as ipaddr.IPv6;
  const embedded = embeddedIpv4(v6);
  if (embedded) {
    for (const v4 of embedded.v4) {
      const refusal = v4Refusal(v4);
      if (refusal) return `${embedded.form} form of ${v4.toString()}: ${refusal}`;
    }
    return null;
  }
  const range = v6.range();
  if (range === "unicast") return null;
  if (range === "rfc6052") return "NAT64 for local use, 64:ff9b:1::/48";
  return V6_LABELS[range] ?? range;
}

/** The address in its canonical form (IPv4-mapped IPv6 shown as IPv4), or null if `raw` is not one. */
export function canonicalAddress(raw: string): string | null {
  const text = raw.replace(/^\[|\]$/g, "");
  return ipaddr.isValid(text) ? ipaddr.process(text).toString() : null;
}
