import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";

import { createCloudflareAdapter } from "./cloudflare/adapter";
import { createEgressFetch } from "./egress-proxy-fetch";
import { VendorHttpClient, type ErrorDetails, type HttpDepsInput } from "./http";
import { startConnectProxy } from "./testing/connect-proxy";
import { sandboxFixture, testHttp } from "./testing/sandbox-fixture";
import { startUntrustedTlsServer } from "./testing/tls-server";

const sb = sandboxFixture();
let proxy: Awaited<ReturnType<typeof startConnectProxy>>;
beforeAll(async () => {
  proxy = await startConnectProxy();
});
afterAll(() => proxy.close());
afterEach(() => {
  vi.unstubAllEnvs();
});

function clearProxyEnv() {
  for (const name of ["HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY"]) {
    vi.stubEnv(name, "");
    vi.stubEnv(name.toLowerCase(), "");
  }
}

class PlainClient extends VendorHttpClient {
  readonly vendor = "huawei" as const;
  constructor(
    private readonly base: string,
    deps: HttpDepsInput,
  ) {
    super(deps);
  }
  protected apiBase() {
    return this.base;
  }
  protected async buildAuthHeaders() {
    return { authorization: "Bearer not-for-the-proxy" };
  }
  protected describeError(): ErrorDetails {
    return {};
  }
  protected secrets() {
    return [];
  }
  ping() {
    return this.get({ operation: "ping", path: "/ping", output: z.object({ pong: z.boolean() }) });
  }
}

describe("vendor calls through an egress proxy", () => {
  it("sends Cloudflare's calls through HTTP_PROXY's CONNECT tunnel, and directly for NO_PROXY hosts", async () => {
    clearProxyEnv();
    const conn = sb.conn("cloudflare", "");
    const target = new URL(conn.baseUrl).host;
    const adapter = createCloudflareAdapter({ http: testHttp() });
    const seen = () => sb.count("cloudflare", "GET", /\/access\/saml_certificates$/);

    vi.stubEnv("HTTP_PROXY", proxy.url);
    await expect(adapter.listCertificateSets(conn)).resolves.not.toHaveLength(0);
    expect(proxy.connects).toContain(target);
    expect(await seen()).toBe(1);

    const bytes = proxy.tunnelledBytes();
    await adapter.listCertificateSets(conn);
    expect(proxy.tunnelledBytes()).toBeGreaterThan(bytes); // a second call rides the tunnel too

    const tunnels = proxy.connects.length;
    const tunnelled = proxy.tunnelledBytes();
    vi.stubEnv("NO_PROXY", `example.com, ${target}`);
    await adapter.listCertificateSets(conn);
    expect(await seen()).toBe(3);
    expect(proxy.connects.length).toBe(tunnels);
    expect(proxy.tunnelledBytes()).toBe(tunnelled);
    expect(proxy.refused).toEqual([]);
  });

  it("ignores the proxy once the variables are gone, and a proxy that is down fails as a network error", async () => {
    clearProxyEnv();
    const conn = sb.conn("cloudflare", "");
    const adapter = createCloudflareAdapter({ http: testHttp([], 1) });
    const tunnelled = proxy.tunnelledBytes();
    await adapter.listCertificateSets(conn);
    expect(proxy.tunnelledBytes()).toBe(tunnelled);

    vi.stubEnv("http_proxy", "http://127.0.0.1:9");
    await expect(adapter.listCertificateSets(conn)).rejects.toMatchObject({ kind: "network" });
  });

  it("tunnels https through HTTPS_PROXY to a TLS server, verifying the destination's certificate", async () => {
    const tls = await startUntrustedTlsServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ pong: true }));
    });
    try {
      const base = tls.url.replace("127.0.0.1", "localhost");
      const env = { HTTPS_PROXY: proxy.url };
      const trusted = createEgressFetch({ env: () => env, requestTls: { ca: tls.certPem } });
      await expect(new PlainClient(base, { ...testHttp(), fetch: trusted }).ping()).resolves.toEqual({
        pong: true,
      });
      expect(proxy.connects).toContain(new URL(base).host);

      const untrusting = createEgressFetch({ env: () => env });
      await expect(
        new PlainClient(base, { ...testHttp([], 1), fetch: untrusting }).ping(),
      ).rejects.toMatchObject({ kind: "tls" });
    } finally {
      tls.close();
    }
  });
});
