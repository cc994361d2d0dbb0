import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startConnectProxy } from "@/lib/vendors/testing/connect-proxy";
import { startUntrustedTlsServer } from "@/lib/vendors/testing/tls-server";
import { pinnedRequest } from "./pinned-request";

// Issuer preflight and webhooks go through an egress proxy when one is set, and the proxy is
// asked for the address the outbound guard checked (never the name, which it could resolve
// elsewhere); TLS still verifies the real host's certificate inside the tunnel.
describe("pinned requests through an egress proxy", () => {
  let server: Awaited<ReturnType<typeof startUntrustedTlsServer>>;
  let proxy: Awaited<ReturnType<typeof startConnectProxy>>;
  beforeAll(async () => {
    server = await startUntrustedTlsServer((req, res) => res.end(JSON.stringify({ path: req.url })));
    proxy = await startConnectProxy();
  });
  afterAll(async () => {
    server.close();
    await proxy.close();
  });

  function request(overrides: Partial<Parameters<typeof pinnedRequest>[0]> = {}) {
    const url = new URL(server.url);
    url.hostname = "localhost";
    url.pathname = "/.well-known/openid-configuration";
    return pinnedRequest({
      url,
      pinned: { address: "127.0.0.1", family: 4 },
      method: "GET",
      headers: {},
      timeoutMs: 15_000,
      maxBytes: 10_000,
      ca: [server.certPem],
      proxy: new URL(proxy.url),
      ...overrides,
    });
  }

  it("tunnels to the checked address and verifies the host's certificate inside the tunnel", async () => {
    const before = proxy.connects.length;
    const response = await request();
    expect(response.ok && JSON.parse(response.body.toString())).toEqual({
      path: "/.well-known/openid-configuration",
    });
    const port = new URL(server.url).port;
    expect(proxy.connects.slice(before)).toEqual([`127.0.0.1:${port}`]);
  });

  it("still refuses a certificate that is not trusted, through the tunnel", async () => {
    const response = await request({ ca: undefined });
    expect(response.ok).toBe(false);
  });

  it("goes direct when no proxy applies (proxy: null) and the proxy sees nothing", async () => {
    const before = proxy.connects.length;
    const response = await request({ proxy: null });
    expect(response.ok).toBe(true);
    expect(proxy.connects.length).toBe(before);
  });

  it("reports a proxy that refuses the tunnel as a failure, never as an answer", async () => {
    const response = await request({ proxy: new URL("http://127.0.0.1:1") });
    expect(response.ok).toBe(false);
  });
});
