import "server-only";
import { lookup as dnsLookup } from "node:dns/promises";
import { isAllowed, normalizeHost, type AllowList } from "./allow-list";
import { nonPublicRange } from "./address-policy";

// The one outbound guard for every address Trustdeck fetches on a user's behalf (issuer
// discovery and JWKS, alert webhooks, custom connection base URLs). A URL passes when it has no
// credentials, uses an accepted scheme, and every address its host resolves to is public or
// named by the allow-list. The caller then connects to one of exactly those addresses
// (lib/net/pinned-request.ts).

export type ResolvedAddress = { address: string; family: number };
export type Resolver = (host: string) => Promise<ResolvedAddress[]>;

export interface OutboundPolicy {
  allow: AllowList;
  /** The env variable holding the allow-list, named in refusals. */
  allowVariable: string;
  /** Plain http is accepted only for hosts the allow-list names (webhook receivers on a LAN). */
  httpWhenAllowed?: boolean;
  resolve?: Resolver;
}

export type OutboundRefusal =
  | { kind: "url"; message: string }
  | { kind: "dns"; message: string }
  | { kind: "address"; host: string; address: string; range: string; message: string };

export type OutboundDecision =
  | { ok: true; url: URL; host: string; port: number; addresses: ResolvedAddress[] }
  | ({ ok: false } & OutboundRefusal);

/** Refuses what is wrong with a URL before any lookup: unparsable, credentials, scheme. */
export function urlShapeRefusal(
  raw: string | URL,
  policy: Pick<OutboundPolicy, "httpWhenAllowed">,
): string | null {
  const text = String(raw);
  if (!URL.canParse(text)) return `${text} is not a full URL.`;
  const url = new URL(text);
  // A user:password@ part would be sent to the host and stored in clear: never accept it.
  if (url.username || url.password || /^[a-z][a-z0-9+.-]*:\/*[^/?#]*@/i.test(text.trim()))
    return "The URL contains a user name or password; remove them.";
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:" && policy.httpWhenAllowed) return null;
  return `${url.href} is not an https:// URL.`;
}

/**
 * The guard's decision for resolved addresses (pure: the property tests call it directly).
 * Every address must pass, since the connection may go to any of them.
 */
export function decideAddresses(
  host: string,
  port: number,
  addresses: readonly ResolvedAddress[],
  policy: Pick<OutboundPolicy, "allow" | "allowVariable">,
): OutboundRefusal | null {
  if (addresses.length === 0) return { kind: "dns", message: `${host} has no address (DNS).` };
  for (const { address } of addresses) {
    const range = nonPublicRange(address);
    if (range && !isAllowed(policy.allow, host, port, address))
      return {
        kind: "address",
        host,
        address,
        range,
        message: `${host} resolves to ${address} (${range}); Trustdeck does not fetch from non-public addresses unless ${policy.allowVariable} names the host.`,
      };
  }
  return null;
}

const systemResolver: Resolver = (host) => dnsLookup(host, { all: true, verbatim: true });

async function resolveHost(host: string, resolve: Resolver): Promise<ResolvedAddress[] | OutboundRefusal> {
  const literal = host.replace(/^\[|\]$/g, "");
  if (nonPublicRange(literal) !== "not an IP address")
    return [{ address: literal, family: literal.includes(":") ? 6 : 4 }];
  try {
    return await resolve(literal);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      kind: "dns",
      message:
        code === "ENOTFOUND"
          ? `${literal} does not resolve (DNS: no such host).`
          : `${literal} could not be resolved (DNS: ${code ?? "error"}).`,
    };
  }
}

/** Check a URL and resolve its host once; connect only to the addresses returned. */
export async function guardOutboundUrl(raw: string | URL, policy: OutboundPolicy): Promise<OutboundDecision> {
  const shape = urlShapeRefusal(raw, policy);
  if (shape) return { ok: false, kind: "url", message: shape };
  const url = new URL(String(raw));
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const port = Number(url.port) || (url.protocol === "https:" ? 443 : 80);
  const addresses = await resolveHost(host, policy.resolve ?? systemResolver);
  if (!Array.isArray(addresses)) return { ok: false, ...addresses };
  const refusal = decideAddresses(host, port, addresses, policy);
  if (refusal) return { ok: false, ...refusal };
  if (url.protocol === "http:" && !addresses.every((a) => isAllowed(policy.allow, host, port, a.address)))
    return {
      ok: false,
      kind: "url",
      message: `Plain http:// is only accepted for hosts that ${policy.allowVariable} names; use https://.`,
    };
  return { ok: true, url, host: normalizeHost(host), port, addresses };
}
