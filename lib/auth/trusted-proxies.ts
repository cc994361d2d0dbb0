import "server-only";
import { Server, type IncomingMessage } from "node:http";
import ipaddr from "ipaddr.js";

// X-Forwarded-* headers are believed only from the reverse proxies that TRUSTED_PROXIES names
// (none by default). Next.js keeps whatever X-Forwarded-For a client sends and cannot tell us the
// socket's address, so a hook on the HTTP server does both before Next.js sees a request: it
// records the socket's address in PEER_HEADER (overwriting any copy the client sent) and deletes
// every forwarding header unless that address is a trusted proxy. Next.js then fills the
// X-Forwarded-* headers from the real connection, so the audit IP, redirects, links and HSTS
// all read trustworthy values.

export const PEER_HEADER = "x-trustdeck-peer";
const FORWARDING_HEADERS = [
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "x-real-ip",
  "forwarded",
];
const STATE = Symbol.for("trustdeck.forwarded-header-guard");
type GuardState = { trusted: TrustedProxies };
const globalState = globalThis as { [STATE]?: GuardState };

export type TrustedProxies = readonly [ipaddr.IPv4 | ipaddr.IPv6, number][];

/** Parses TRUSTED_PROXIES: comma- or space-separated addresses and CIDR ranges. */
export function parseTrustedProxies(spec: string | undefined): TrustedProxies {
  const list: [ipaddr.IPv4 | ipaddr.IPv6, number][] = [];
  for (const entry of (spec ?? "").split(/[\s,]+/).filter(Boolean)) {
    if (entry.includes("/") && ipaddr.isValidCIDR(entry)) list.push(ipaddr.parseCIDR(entry));
    else if (ipaddr.isValid(entry)) {
      const address = ipaddr.process(entry);
      list.push([address, address.kind() === "ipv4" ? 32 : 128]);
    } else throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range.`);
  }
  return list;
}

/** The address in canonical form (IPv4-mapped IPv6 as IPv4), or null if it is not one. */
export function canonicalIp(text: string | undefined | null): string | null {
  const bare = text?.trim().replace(/^\[|\]$/g, "");
  return bare && ipaddr.isValid(bare) ? ipaddr.process(bare).toString() : null;
}

export function isTrustedProxy(list: TrustedProxies, address: string): boolean {
  const ip = canonicalIp(address);
  if (!ip) return false;
  const parsed = ipaddr.parse(ip);
  return list.some((range) => parsed.kind() === range[0].kind() && parsed.match(range));
}

/** What the hook does to each request: record the peer, drop forwarding headers it may not send. */
export function sanitizeForwardedHeaders(request: IncomingMessage, trusted: TrustedProxies): void {
  const peer = canonicalIp(request.socket?.remoteAddress);
  delete request.headers[PEER_HEADER];
  if (peer) request.headers[PEER_HEADER] = peer;
  if (peer && isTrustedProxy(trusted, peer)) return;
  for (const name of FORWARDING_HEADERS) delete request.headers[name];
}

/**
 * Install the hook on every HTTP server of this process (patched once; a later call replaces the
 * trusted list). Called from instrumentation.ts before the first request is handled.
 */
export function installForwardedHeaderGuard(spec: string | undefined = process.env.TRUSTED_PROXIES): void {
  const trusted = parseTrustedProxies(spec);
  if (globalState[STATE]) {
    globalState[STATE].trusted = trusted;
    return;
  }
  const state: GuardState = { trusted };
  const emit = Server.prototype.emit as (this: Server, event: string | symbol, ...args: unknown[]) => boolean;
  Server.prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") sanitizeForwardedHeaders(args[0] as IncomingMessage, state.trusted);
    return emit.call(this, event, ...args);
  } as typeof Server.prototype.emit;
  globalState[STATE] = state;
}

/** Whether PEER_HEADER can be believed: only when this process's hook wrote it. */
export function forwardedHeaderGuardInstalled(): boolean {
  return globalState[STATE] !== undefined;
}
