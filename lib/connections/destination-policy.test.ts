import { describe, expect, it } from "vitest";
import { parseAllowList } from "@/lib/net/allow-list";
import { hostMatchesPattern } from "@/lib/vendors/api-hosts";
import { customVendorHosts } from "@/lib/vendors/custom-hosts";
import { destinationRefusal } from "./destination-policy";

// Which base URLs a connection may send its secrets to: each vendor's documented API hosts by
// default, custom hosts only when TRUSTDECK_CUSTOM_VENDOR_HOSTS names them, in every notation.

const none = parseAllowList("");
const huawei = { region: "ap-southeast-1" };
const accepts = (vendor: "uipath" | "cloudflare" | "huawei", baseUrl: string, allow = none, extra = {}) =>
  destinationRefusal(vendor, { ...extra, baseUrl }, allow);

describe("documented API hosts", () => {
  it.each([
    ["uipath", "https://cloud.uipath.com"],
    ["uipath", "https://CLOUD.UiPath.com/"],
    ["uipath", "https://cloud.uipath.com:443"],
    ["uipath", "https://govcloud.uipath.us"],
    ["uipath", "https://acme.dedicated.uipath.com"],
    ["uipath", "https://acme-eu-1.dedicated.uipath.com"],
    ["cloudflare", "https://api.cloudflare.com/client/v4"],
    ["cloudflare", "https://API.CLOUDFLARE.COM/client/v4/"],
    ["huawei", "https://identitystore.ap-southeast-1.myhuaweicloud.com"],
    ["huawei", "https://identitycenter.myhuaweicloud.com"],
  ] as const)("%s accepts %s", (vendor, baseUrl) => {
    expect(accepts(vendor, baseUrl, none, huawei)).toBeNull();
  });

  it.each([
    ["uipath", "https://cloud.uipath.com.", /not a documented UiPath API host/],
    ["uipath", "https://cloud.uipath.com.evil.example", /not a documented UiPath API host/],
    ["uipath", "https://evilcloud.uipath.com", /not a documented/],
    ["uipath", "https://xcloud.uipath.com", /not a documented/],
    ["uipath", "https://cloud.uipath.com:8443", /not a documented/],
    ["uipath", "https://dedicated.uipath.com", /not a documented/],
    ["uipath", "https://a.b.dedicated.uipath.com", /not a documented/],
    ["uipath", "https://-x.dedicated.uipath.com", /not a documented/],
    ["uipath", "https://cloud.uipаth.com", /not a documented/], // Cyrillic "а"
    ["uipath", "https://cloud.uipath.com\u3002", /not a documented/], // ideographic full stop
    ["uipath", "https://ｃloud.uipath.com", null], // fullwidth "ｃ" maps to "c" (the URL parser's own host)
    ["uipath", "https://api.cloudflare.com", /not a documented UiPath/],
    ["uipath", "http://cloud.uipath.com", /Use https:\/\//],
    ["uipath", "https://user:pass@cloud.uipath.com", /user name and password/],
    ["uipath", "https://user@cloud.uipath.com", /user name and password/],
    ["uipath", "https://@cloud.uipath.com", /user name and password/],
    ["uipath", "https://cloud.uipath.com/?next=1", /query string/],
    ["uipath", "https://cloud.uipath.com/#x", /query string/],
    ["uipath", "https://cloud.uipath.com?", /query string/],
    ["uipath", "https://104.18.0.1", /not a documented/],
    ["uipath", "https://127.0.0.1:4610", /TRUSTDECK_CUSTOM_VENDOR_HOSTS/],
    ["cloudflare", "https://api.cloudflare.com.attacker.example/client/v4", /not a documented Cloudflare/],
    ["cloudflare", "https://api.cloudflare.co/client/v4", /not a documented/],
    ["huawei", "https://identitystore.eu-west-101.myhuaweicloud.com", /not a documented Huawei/],
    ["huawei", "https://identitystore.myhuaweicloud.com", /not a documented/],
    ["huawei", "https://identitystore.ap-southeast-1.myhuaweicloud.com.cn", /not a documented/],
  ] as const)("%s refuses %s", (vendor, baseUrl, message) => {
    const refusal = accepts(vendor, baseUrl, none, huawei);
    if (message === null) expect(refusal).toBeNull();
    else expect(refusal).toMatch(message);
  });

  it("binds a {region} placeholder to the connection's own region", () => {
    const url = "https://identitystore.ap-southeast-1.myhuaweicloud.com";
    expect(accepts("huawei", url, none, { region: "ap-southeast-1" })).toBeNull();
    expect(accepts("huawei", url, none, { region: "cn-north-4" })).toMatch(/not a documented Huawei/);
    expect(accepts("huawei", url, none, {})).toMatch(/not a documented/);
    expect(
      hostMatchesPattern("identitystore.x.myhuaweicloud.com", "identitystore.{region}.myhuaweicloud.com"),
    ).toBe(true);
    expect(
      hostMatchesPattern("identitystore.a.b.myhuaweicloud.com", "identitystore.{region}.myhuaweicloud.com"),
    ).toBe(false);
  });
});

describe("custom vendor hosts (TRUSTDECK_CUSTOM_VENDOR_HOSTS)", () => {
  const allow = parseAllowList("127.0.0.1:4610, gateway.corp.example:8443, [::1]:4611");

  it("accepts a listed host:port, over http too, and nothing else", () => {
    expect(accepts("uipath", "http://127.0.0.1:4610/uipath", allow)).toBeNull();
    expect(accepts("uipath", "https://127.0.0.1:4610", allow)).toBeNull();
    expect(accepts("cloudflare", "https://GATEWAY.corp.example:8443/client/v4", allow)).toBeNull();
    expect(accepts("cloudflare", "http://[::1]:4611/client/v4", allow)).toBeNull();
    expect(accepts("uipath", "http://127.0.0.1:4611", allow)).toMatch(/Use https:\/\//);
    expect(accepts("uipath", "https://127.0.0.1:4611", allow)).toMatch(/TRUSTDECK_CUSTOM_VENDOR_HOSTS/);
    expect(accepts("uipath", "https://gateway.corp.example", allow)).toMatch(/not a documented/);
    expect(accepts("uipath", "https://gateway.corp.example.evil:8443", allow)).toMatch(/not a documented/);
    expect(accepts("uipath", "https://x.gateway.corp.example:8443", allow)).toMatch(/not a documented/);
    expect(accepts("uipath", "http://localhost:4610", allow)).toMatch(/Use https/);
  });

  it("never accepts credentials, even for a listed host", () => {
    expect(accepts("uipath", "http://admin:pw@127.0.0.1:4610", allow)).toMatch(/user name and password/);
  });

  it("is read from the environment at each call, and refuses everything custom when unset", () => {
    expect(customVendorHosts({}).hosts).toEqual([]);
    expect(customVendorHosts({ TRUSTDECK_CUSTOM_VENDOR_HOSTS: "127.0.0.1:4610" }).hosts).toEqual([
      { host: "127.0.0.1", port: 4610 },
    ]);
    const previous = process.env.TRUSTDECK_CUSTOM_VENDOR_HOSTS;
    try {
      process.env.TRUSTDECK_CUSTOM_VENDOR_HOSTS = "127.0.0.1:4610";
      expect(destinationRefusal("uipath", { baseUrl: "http://127.0.0.1:4610" })).toBeNull();
      delete process.env.TRUSTDECK_CUSTOM_VENDOR_HOSTS;
      expect(destinationRefusal("uipath", { baseUrl: "http://127.0.0.1:4610" })).toMatch(/Use https/);
    } finally {
      if (previous !== undefined) process.env.TRUSTDECK_CUSTOM_VENDOR_HOSTS = previous;
    }
  });
});
