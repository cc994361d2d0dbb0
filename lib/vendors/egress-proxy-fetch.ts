import "server-only";

import { Agent, ProxyAgent, type Dispatcher } from "undici";
import type { ConnectionOptions } from "node:tls";

import type { FetchLike } from "./http-deps";
import { egressProxySettings, proxyFor, type EgressProxySettings } from "@/lib/net/egress-proxy";

/** Where the proxy variables come from, and TLS options for the destination (tests add a CA). */
export interface EgressFetchOptions {
  env?: () => Readonly<Record<string, string | undefined>>;
  requestTls?: ConnectionOptions;
}

/**
 * A `fetch` that honours `HTTPS_PROXY` / `HTTP_PROXY` / `NO_PROXY` (read at each request, so a
 * changed environment applies without a restart): each destination goes through the proxy that
 * `proxyFor` names, tunnelled with CONNECT, or directly. One pooled agent per proxy.
 */
export function createEgressFetch(options: EgressFetchOptions = {}): FetchLike {
  const env = options.env ?? (() => process.env);
  const agents = new Map<string, Dispatcher>();
  let direct: Dispatcher | undefined;
  let memo: { key: string; settings: EgressProxySettings } | undefined;

  const settings = (): EgressProxySettings => {
    const values = env();
    const key = ["HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY"]
      .flatMap((name) => [values[name.toLowerCase()], values[name]])
      .join("\u0000");
    if (memo?.key !== key) memo = { key, settings: egressProxySettings(values) };
    return memo.settings;
  };
  const agentFor = (proxy: URL): Dispatcher => {
    let agent = agents.get(proxy.href);
    if (!agent) {
      agent = new ProxyAgent({ uri: proxy.href, requestTls: options.requestTls });
      agents.set(proxy.href, agent);
    }
    return agent;
  };

  return (input, init) => {
    const url = input instanceof Request ? input.url : input.toString();
    const proxy = proxyFor(url, settings());
    if (!proxy && !options.requestTls) return globalThis.fetch(input, init);
    direct ??= options.requestTls ? new Agent({ connect: options.requestTls }) : undefined;
    const dispatcher = proxy ? agentFor(proxy) : direct;
    // Node's fetch takes undici's `dispatcher` option (not in the DOM RequestInit type).
    return globalThis.fetch(input, { ...init, dispatcher } as RequestInit);
  };
}

/** The fetch of every vendor call of this process. */
export const egressFetch: FetchLike = createEgressFetch();
