import "server-only";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import type { Socket } from "node:net";

/**
 * Open a CONNECT tunnel through an egress proxy to `target` ("203.0.113.7:443"). Callers pass
 * the address the outbound guard checked, not the host name, so the proxy connects exactly
 * there (it cannot resolve the name again to another address). Credentials in the proxy URL
 * are sent as Proxy-Authorization. Rejects with an error whose code names the failure.
 */
export function openProxyTunnel(proxy: URL, target: string, signal: AbortSignal): Promise<Socket> {
  const secure = proxy.protocol === "https:";
  const headers: Record<string, string> = { host: target };
  if (proxy.username)
    headers["proxy-authorization"] =
      `Basic ${Buffer.from(`${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`).toString("base64")}`;
  return new Promise((resolve, reject) => {
    const req = (secure ? httpsRequest : httpRequest)({
      host: proxy.hostname.replace(/^\[|\]$/g, ""),
      port: proxy.port || (secure ? 443 : 80),
      method: "CONNECT",
      path: target,
      headers,
      agent: false,
      signal,
    });
    req.on("connect", (response, socket) => {
      if (response.statusCode === 200) return resolve(socket);
      socket.destroy();
      reject(
        Object.assign(new Error(`the egress proxy refused the tunnel (HTTP ${response.statusCode})`), {
          code: "proxy-refused",
        }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}
