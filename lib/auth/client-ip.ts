import "server-only";
import { getEnv } from "@/lib/env";
import {
  canonicalIp,
  forwardedHeaderGuardInstalled,
  isTrustedProxy,
  parseTrustedProxies,
  PEER_HEADER,
  type TrustedProxies,
} from "./trusted-proxies";

let cached: { spec: string | undefined; list: TrustedProxies } | undefined;

function configuredProxies(): TrustedProxies {
  const spec = getEnv().TRUSTED_PROXIES;
  if (!cached || cached.spec !== spec) cached = { spec, list: parseTrustedProxies(spec) };
  return cached.list;
}

/**
 * The client's address for the audit log and the sign-in throttle: the connection's peer,
 * unless the peer is a trusted proxy (TRUSTED_PROXIES); then X-Forwarded-For is walked from the
 * right past every trusted proxy. Null when the peer is unknown (the forwarding-header hook of
 * trusted-proxies.ts is not installed in this process): a forged header is never believed.
 */
export function clientIpFrom(
  headers: Headers | Record<string, unknown> | undefined | null,
  trusted: TrustedProxies = configuredProxies(),
): string | null {
  if (!headers || !forwardedHeaderGuardInstalled()) return null;
  const get = (name: string): string | undefined => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const value = (headers as Record<string, unknown>)[name];
    return Array.isArray(value) ? value.map(String).join(",") : typeof value === "string" ? value : undefined;
  };
  const peer = canonicalIp(get(PEER_HEADER));
  if (!peer) return null;
  if (!isTrustedProxy(trusted, peer)) return peer;
  let client = peer;
  const hops = (get("x-forwarded-for") ?? "").split(",").reverse();
  for (const hop of hops) {
    const ip = canonicalIp(hop);
    if (!ip) break;
    client = ip;
    if (!isTrustedProxy(trusted, ip)) break;
  }
  return client;
}
