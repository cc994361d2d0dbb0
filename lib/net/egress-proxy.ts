import { BlockList, isIP } from "node:net";

/**
 * Which outbound URL goes through which proxy, from the conventional variables: `HTTPS_PROXY`
 * for https URLs, `HTTP_PROXY` for http URLs (the lower-case forms win, as in curl and undici),
 * and `NO_PROXY` for the destinations reached directly. Pure: no I/O, reusable by every
 * outbound path (vendor calls, issuer preflight, webhooks).
 *
 * `NO_PROXY` is a comma- or space-separated list, matched like Go's net/http and curl:
 * - `*` alone: no proxy for anything;
 * - `example.com`: that host and its subdomains; `.example.com` or `*.example.com`: subdomains only;
 * - `10.0.0.0/8`, `fd00::/8`: IP addresses in the range (IP literals only, no DNS lookups);
 * - `192.0.2.1`, `[::1]`: that address; any entry may end in `:port` to match only that port.
 * Loopback is not exempt on its own: add `localhost,127.0.0.1` to `NO_PROXY` to reach it directly.
 */
export interface EgressProxySettings {
  httpProxy?: URL;
  httpsProxy?: URL;
  noProxy: NoProxyRules;
}

/** The parsed `NO_PROXY` list. */
export interface NoProxyRules {
  all: boolean;
  entries: readonly NoProxyEntry[];
}

type NoProxyEntry =
  | { kind: "host"; host: string; subdomainsOnly: boolean; port?: number }
  | { kind: "address"; list: BlockList; port?: number };

/** Reads the proxy variables from an environment (normally `process.env`). */
export function egressProxySettings(env: Readonly<Record<string, string | undefined>>): EgressProxySettings {
  const pick = (name: string) => nonEmpty(env[name.toLowerCase()]) ?? nonEmpty(env[name]);
  return {
    httpProxy: proxyUrl(pick("HTTP_PROXY")),
    httpsProxy: proxyUrl(pick("HTTPS_PROXY")),
    noProxy: parseNoProxy(pick("NO_PROXY") ?? ""),
  };
}

/** The proxy that `target` goes through, or undefined for a direct connection. */
export function proxyFor(target: URL | string, settings: EgressProxySettings): URL | undefined {
  const url = typeof target === "string" ? new URL(target) : target;
  const proxy =
    url.protocol === "https:"
      ? settings.httpsProxy
      : url.protocol === "http:"
        ? settings.httpProxy
        : undefined;
  if (!proxy) return undefined;
  return bypassesProxy(url, settings.noProxy) ? undefined : proxy;
}

/** Whether `NO_PROXY` sends `url` directly. */
export function bypassesProxy(url: URL, rules: NoProxyRules): boolean {
  if (rules.all) return true;
  const host = normaliseHost(url.hostname);
  const port = Number(url.port || (url.protocol === "https:" ? 443 : 80));
  const family = isIP(host);
  return rules.entries.some((entry) => {
    if (entry.port !== undefined && entry.port !== port) return false;
    if (entry.kind === "address")
      return family !== 0 && entry.list.check(host, family === 6 ? "ipv6" : "ipv4");
    if (host === entry.host) return !entry.subdomainsOnly;
    return host.endsWith(`.${entry.host}`);
  });
}

/** Parses a `NO_PROXY` value; entries that cannot be read are ignored. */
export function parseNoProxy(value: string): NoProxyRules {
  const items = value
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter(Boolean);
  if (items.includes("*")) return { all: true, entries: [] };
  return { all: false, entries: items.flatMap((item) => parseEntry(item) ?? []) };
}

function parseEntry(item: string): NoProxyEntry | undefined {
  const cidr = /^\[?([0-9a-fA-F:.]+)\]?\/(\d{1,3})$/.exec(item);
  if (cidr) {
    const [, address, bits] = cidr as unknown as [string, string, string];
    const family = isIP(address);
    const prefix = Number(bits);
    if (!family || prefix > (family === 4 ? 32 : 128)) return undefined;
    const list = new BlockList();
    list.addSubnet(address, prefix, family === 6 ? "ipv6" : "ipv4");
    return { kind: "address", list };
  }
  const { host, port } = splitPort(item);
  if (port !== undefined && !(port > 0 && port < 65536)) return undefined;
  const plain = normaliseHost(host);
  const family = isIP(plain);
  if (family) {
    const list = new BlockList();
    list.addAddress(plain, family === 6 ? "ipv6" : "ipv4");
    return { kind: "address", list, port };
  }
  const subdomainsOnly = plain.startsWith(".") || plain.startsWith("*.");
  const name = plain.replace(/^\*?\./, "");
  if (!name || name.includes("*")) return undefined;
  return { kind: "host", host: name, subdomainsOnly, port };
}

/** `host:port`, `[v6]:port`, `[v6]`, or a bare IPv6 address (which has colons but no port). */
function splitPort(item: string): { host: string; port?: number } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(item);
  if (bracketed) return { host: bracketed[1]!, port: bracketed[2] ? Number(bracketed[2]) : undefined };
  const colons = item.split(":").length - 1;
  if (colons === 1) {
    const [host, port] = item.split(":") as [string, string];
    return { host, port: /^\d+$/.test(port) ? Number(port) : NaN };
  }
  return { host: item };
}

function normaliseHost(host: string): string {
  return host
    .replace(/^\[|\]$/g, "")
    .replace(/\.$/, "")
    .toLowerCase();
}

function proxyUrl(value: string | undefined): URL | undefined {
  if (!value) return undefined;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`;
  return URL.canParse(withScheme) ? new URL(withScheme) : undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
