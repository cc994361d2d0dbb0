import "server-only";

import { Agent, ProxyAgent, type Dispatcher } from "undici";
import type { ConnectionOptions } from "node:tls";

import type { FetchLike } from "./http-deps";
import { mayReuseConnection } from "@/lib/net/connection-reuse";
import { egressProxySettings, proxyFor, type EgressProxySettings } from "@/lib/net/egress-proxy";

/** Where the proxy variables come from, and TLS options for the destination (tests add a CA). */
export interface EgressFetchOptions {
  env?: () => Readonly<Record<string, string | undefined>>;
  requestTls?: ConnectionOptions;
}

/**
 * A `fetch` that honours `HTTPS_PROXY` / `HTTP_PROXY` / `NO_PROXY` (read at each request, so a
 * changed environment applies without a restart): each destination goes through the proxy that
 * `proxyFor` names, tunnelled with CONNECT, or directly. Reads share pooled keep-alive agents (one
 * per proxy); a write gets a connection of its own, closed after its answer, so it never rides an
 * idle socket the server may be closing (lib/net/connection-reuse.ts).
 */
export function createEgressFetch(options: EgressFetchOptions = {}): FetchLike {
  const env = options.env ?? (() => process.env);
  const settings = memoisedSettings(env);
  const dispatchers = egressDispatchers(options.requestTls);
  return (input, init) => {
    const url = input instanceof Request ? input.url : input.toString();
    const method = init?.method ?? (input instanceof Request ? input.method : "GET");
    const dispatcher = dispatchers.select(proxyFor(url, settings()), mayReuseConnection(method));
    if (!dispatcher) return globalThis.fetch(input, init);
    // Node's fetch takes undici's `dispatcher` option (not in the DOM RequestInit type).
    return globalThis.fetch(input, { ...init, dispatcher } as RequestInit);
  };
}

/** The dispatchers of one egress fetch: kept-alive for reads, one connection per request for writes. */
export interface EgressDispatchers {
  /**
   * The dispatcher for a request through `proxy` (undefined: directly): undefined means the
   * process's global keep-alive dispatcher (a direct read without TLS options).
   */
  select(proxy: URL | undefined, reuse: boolean): Dispatcher | undefined;
}

/** Builds the dispatchers lazily; `pipelining: 0` is undici's "no keep-alive": each socket serves one request. */
export function egressDispatchers(requestTls?: ConnectionOptions): EgressDispatchers {
  const proxied = new Map<string, Dispatcher>();
  const direct = new Map<boolean, Dispatcher>();
  const perRequest = (reuse: boolean) => (reuse ? {} : { pipelining: 0 });
  return {
    select(proxy, reuse) {
      if (proxy) {
        const key = `${reuse ? "reuse" : "fresh"} ${proxy.href}`;
        let agent = proxied.get(key);
        if (!agent) {
          agent = new ProxyAgent({ uri: proxy.href, requestTls, ...perRequest(reuse) });
          proxied.set(key, agent);
        }
        return agent;
      }
      if (reuse && !requestTls) return undefined;
      let agent = direct.get(reuse);
      if (!agent) {
        agent = new Agent({ connect: requestTls, ...perRequest(reuse) });
        direct.set(reuse, agent);
      }
      return agent;
    },
  };
}

function memoisedSettings(
  env: () => Readonly<Record<string, string | undefined>>,
): () => EgressProxySettings {
  let memo: { key: string; settings: EgressProxySettings } | undefined;
  return () => {
    const values = env();
    const key = ["HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY"]
      .flatMap((name) => [values[name.toLowerCase()], values[name]])
      .join("\u0000");
    if (memo?.key !== key) memo = { key, settings: egressProxySettings(values) };
    return memo.settings;
  };
}

/** The fetch of every vendor call of this process. */
export const egressFetch: FetchLike = createEgressFetch();
