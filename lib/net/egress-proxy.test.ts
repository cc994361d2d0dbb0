import { describe, expect, it } from "vitest";

import { bypassesProxy, egressProxySettings, parseNoProxy, proxyFor } from "./egress-proxy";

const via = (target: string, env: Record<string, string>) =>
  proxyFor(target, egressProxySettings(env))?.toString() ?? "direct";

describe("egress proxy decision", () => {
  it("sends https through HTTPS_PROXY and http through HTTP_PROXY, lower case first", () => {
    const env = { HTTPS_PROXY: "http://secure:3128", HTTP_PROXY: "http://plain:3128" };
    expect(via("https://api.cloudflare.com/client/v4", env)).toBe("http://secure:3128/");
    expect(via("http://sandbox:4511/x", env)).toBe("http://plain:3128/");
    expect(via("https://a.example", { ...env, https_proxy: "http://lower:8080" })).toBe("http://lower:8080/");
    expect(via("https://a.example", { HTTP_PROXY: "http://plain:3128" })).toBe("direct");
    expect(via("https://a.example", {})).toBe("direct");
    expect(via("https://a.example", { HTTPS_PROXY: "  " })).toBe("direct");
  });

  it("reads a proxy without a scheme as http and keeps its credentials", () => {
    expect(via("https://a.example", { HTTPS_PROXY: "proxy.corp:3128" })).toBe("http://proxy.corp:3128/");
    const proxy = proxyFor(
      "https://a.example",
      egressProxySettings({ HTTPS_PROXY: "http://u:p%40ss@proxy:1" }),
    );
    expect([proxy?.username, decodeURIComponent(proxy?.password ?? "")]).toEqual(["u", "p@ss"]);
  });

  it("matches NO_PROXY by host and subdomain, leading dot or star for subdomains only", () => {
    const rules = parseNoProxy("example.com, .internal.corp *.svc.local,,");
    const bypass = (url: string) => bypassesProxy(new URL(url), rules);
    expect(bypass("https://example.com")).toBe(true);
    expect(bypass("https://api.example.com")).toBe(true);
    expect(bypass("https://EXAMPLE.COM./x")).toBe(true);
    expect(bypass("https://notexample.com")).toBe(false);
    expect(bypass("https://internal.corp")).toBe(false);
    expect(bypass("https://a.internal.corp")).toBe(true);
    expect(bypass("https://x.svc.local")).toBe(true);
    expect(bypass("https://svc.local")).toBe(false);
  });

  it("matches ports, IP addresses, IPv6 and CIDR ranges, and * for everything", () => {
    const rules = parseNoProxy("localhost:4510,10.0.0.0/8,[::1],fd00::/8,192.0.2.7,[2001:db8::1]:8443");
    const bypass = (url: string) => bypassesProxy(new URL(url), rules);
    expect(bypass("http://localhost:4510/")).toBe(true);
    expect(bypass("http://localhost:4511/")).toBe(false);
    expect(bypass("https://10.1.2.3/")).toBe(true);
    expect(bypass("https://11.0.0.1/")).toBe(false);
    expect(bypass("http://[::1]:3000/")).toBe(true);
    expect(bypass("http://[fd12::5]/")).toBe(true);
    expect(bypass("http://192.0.2.7/")).toBe(true);
    expect(bypass("https://[2001:db8::1]:8443/")).toBe(true);
    expect(bypass("https://[2001:db8::1]/")).toBe(false);
    expect(bypass("https://10.example.com/")).toBe(false); // a name is not matched against ranges
    expect(bypassesProxy(new URL("https://anything"), parseNoProxy("a.com, *"))).toBe(true);
  });

  it("sends loopback through the proxy unless NO_PROXY names it, and ignores unreadable entries", () => {
    expect(via("http://127.0.0.1:4510/", { HTTP_PROXY: "http://p:1" })).toBe("http://p:1/");
    expect(via("http://127.0.0.1:4510/", { HTTP_PROXY: "http://p:1", NO_PROXY: "127.0.0.1" })).toBe("direct");
    expect(parseNoProxy("a.com:99999, 10.0.0.0/33, *.*, b.com").entries).toHaveLength(1);
  });
});
