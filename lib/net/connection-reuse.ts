// Which outbound requests may ride a kept-alive connection. A server may close an idle socket at
// the very moment we write on it; for a read that costs a retry, for a write it makes the outcome
// ambiguous (did the vendor apply it?) and sends the write pipeline into reconciliation. So only
// reads reuse connections and every write opens a connection of its own: the one rule for every
// outbound path, custom hosts (lib/net/guarded-fetch-like.ts) and documented vendor hosts
// (lib/vendors/egress-proxy-fetch.ts) alike.

const READ_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD"]);

/** Whether a request with this method may reuse a kept-alive connection (reads only). */
export function mayReuseConnection(method: string | undefined): boolean {
  return READ_METHODS.has((method ?? "GET").toUpperCase());
}
