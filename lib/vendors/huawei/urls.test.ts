import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  connectionEndpoints,
  connectionFieldsSchema,
  connectionInputSchema,
} from "@/lib/connections/schemas";
import { HUAWEI_IDENTITY_STORE_REGIONS, identityStoreEndpoint, regionOfEndpoint } from "./urls";

const base = {
  vendor: "huawei",
  name: "Huawei",
  identityStoreId: "d-1234567890",
  accessKeyId: "AKEXAMPLE1234567",
  secretAccessKey: "secret",
};

function parse(fields: Record<string, unknown>) {
  return connectionInputSchema.safeParse({ ...base, ...fields });
}

function errors(fields: Record<string, unknown>): Record<string, string[] | undefined> {
  const result = parse(fields);
  return result.success ? {} : z.flattenError(result.error).fieldErrors;
}

describe("Huawei Identity Store endpoint from the region", () => {
  it.each(HUAWEI_IDENTITY_STORE_REGIONS)("%s: the documented endpoint of the region", (region) => {
    const result = parse({ region, endpointForm: "region", baseUrl: "" });
    const expected = `https://identitystore.${region}.myhuaweicloud.com`;
    expect(result.success && result.data.baseUrl).toBe(expected);
    expect(identityStoreEndpoint(region)).toBe(expected);
    expect(regionOfEndpoint(expected)).toBe(region);
  });

  it("follows a change of region even when the old endpoint is still in the form", () => {
    const result = parse({
      region: "cn-north-4",
      endpointForm: "region",
      baseUrl: "https://identitystore.ap-southeast-1.myhuaweicloud.com",
    });
    expect(result.success && result.data.baseUrl).toBe("https://identitystore.cn-north-4.myhuaweicloud.com");
  });

  it.each([
    [
      "eu-west-101",
      "region",
      /documents no Identity Store endpoint in eu-west-101.*af-north-1, af-south-1.*“Custom endpoint”/,
    ],
    ["AP-SOUTHEAST-1", "region", /Enter a region ID such as ap-southeast-1/],
    ["ap-southeast", "region", /Enter a region ID such as ap-southeast-1/],
    ["cn-north-4;x", "region", /Enter a region ID/],
  ])("refuses region “%s” (%s) on the region field", (region, endpointForm, message) => {
    expect(errors({ region, endpointForm, baseUrl: "" }).region?.[0]).toMatch(message);
  });

  it("says the region is undocumented together with the other fields' errors", () => {
    const all = errors({ region: "eu-west-101", endpointForm: "region", identityStoreId: "", name: "" });
    expect(all.region?.[0]).toMatch(/documents no Identity Store endpoint in eu-west-101/);
    expect(all.identityStoreId?.[0]).toMatch(/d-1234567890/);
    expect(all.name?.[0]).toMatch(/Give the connection a name/);
  });

  it.each([
    [
      "region",
      "https://gw.example.com",
      /The endpoint comes from the region \(https:\/\/identitystore\.cn-north-4\.myhuaweicloud\.com\): leave the endpoint empty, or choose “Custom endpoint”/,
    ],
    ["custom", "", /Enter the custom Identity Store endpoint's URL/],
    [
      "custom",
      "https://identitystore.ap-southeast-1.myhuaweicloud.com",
      /is the Identity Store endpoint of ap-southeast-1, but the region is cn-north-4/,
    ],
    [
      "custom",
      "https://identitycenter.myhuaweicloud.com",
      /identitycenter\.myhuaweicloud\.com is not an Identity Store endpoint \(documented: https:\/\/identitystore\.\{region\}\.myhuaweicloud\.com\)/,
    ],
    [
      "custom",
      "https://identitystore.cn-north-4.myhuaweicloud.com/v1",
      /Remove “\/v1” after the host: an Identity Store endpoint is https:\/\/identitystore\.cn-north-4\.myhuaweicloud\.com alone/,
    ],
    ["custom", "http://identitystore.cn-north-4.myhuaweicloud.com", /plain http is only accepted/],
    ["bogus", "", /Choose where the Identity Store endpoint comes from: region, custom/],
  ])("%s with “%s” is refused with its own message", (endpointForm, baseUrl, message) => {
    const all = errors({ region: "cn-north-4", endpointForm, baseUrl });
    expect([...(all.baseUrl ?? []), ...(all.endpointForm ?? [])].join(" ")).toMatch(message);
  });

  it("takes a custom endpoint as typed, for any well-formed region (a gateway, the sandbox, a new region)", () => {
    for (const [region, url] of [
      ["cn-north-4", "http://127.0.0.1:4612/cn-north-4"],
      ["eu-west-101", "https://identitystore.eu-west-101.myhuaweicloud.eu"],
      ["cn-north-4", "https://identitystore.cn-north-4.myhuaweicloud.com"],
    ]) {
      const result = parse({ region, endpointForm: "custom", baseUrl: url });
      expect(result.success && result.data.baseUrl).toBe(url);
    }
  });

  it("keeps a connection saved before the form existed as it was, and infers its form", () => {
    const legacy = parse({ region: "ap-southeast-1", baseUrl: "http://127.0.0.1:4612" });
    expect(legacy.success && legacy.data.baseUrl).toBe("http://127.0.0.1:4612");
    expect(legacy.success && legacy.data.vendor === "huawei" && legacy.data.endpointForm).toBe("custom");
    const documented = parse({
      region: "af-south-1",
      baseUrl: "https://identitystore.af-south-1.myhuaweicloud.com",
    });
    expect(documented.success && documented.data.vendor === "huawei" && documented.data.endpointForm).toBe(
      "region",
    );
    const empty = parse({ region: "af-south-1" });
    expect(empty.success && empty.data.baseUrl).toBe("https://identitystore.af-south-1.myhuaweicloud.com");
  });

  it("shows the endpoint with how it was chosen", () => {
    const fromRegion = connectionFieldsSchema.parse({
      ...base,
      region: "la-south-2",
      endpointForm: "region",
    });
    expect(connectionEndpoints(fromRegion)).toEqual([
      {
        label: "Identity Store endpoint · region la-south-2",
        url: "https://identitystore.la-south-2.myhuaweicloud.com",
      },
    ]);
    const custom = connectionFieldsSchema.parse({
      ...base,
      region: "la-south-2",
      endpointForm: "custom",
      baseUrl: "https://gw.example.com/",
    });
    expect(connectionEndpoints(custom)).toEqual([
      { label: "Identity Store endpoint · custom endpoint", url: "https://gw.example.com" },
    ]);
  });
});
