import { describe, expect, it } from "vitest";
import { z } from "zod";
import { baseUrlSchema, connectionInputSchema } from "./schemas";

const errorsOf = (input: unknown) => {
  const result = connectionInputSchema.safeParse(input);
  return (result.success ? {} : z.flattenError(result.error).fieldErrors) as Record<
    string,
    string[] | undefined
  >;
};

describe("connection schemas", () => {
  it.each([
    ["https://cloud.uipath.com/", "https://cloud.uipath.com"],
    ["http://127.0.0.1:4510", "http://127.0.0.1:4510"],
    ["http://localhost:8080/x/", "http://localhost:8080/x"],
  ])("accepts %s", (input, expected) => {
    expect(baseUrlSchema.parse(input)).toBe(expected);
  });

  it.each([
    ["http://cloud.uipath.com", /https/],
    ["cloud.uipath.com", /full URL/],
    ["https://x.example?y=1", /query/],
    ["", /base URL/],
  ])("refuses %s with a specific message", (input, message) => {
    const result = baseUrlSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(message);
  });

  it("explains a UiPath partitionGlobalId that is an organization name", () => {
    const errors = errorsOf({
      vendor: "uipath",
      name: "x",
      baseUrl: "https://cloud.uipath.com",
      organizationName: "acme",
      partitionGlobalId: "acme",
      clientId: "c",
      clientSecret: "s",
    });
    expect(errors.partitionGlobalId?.[0]).toMatch(/GUID.*not its name/);
  });

  it("explains a Cloudflare account id that is not 32 hex characters", () => {
    const errors = errorsOf({ vendor: "cloudflare", name: "x", accountId: "abc", apiToken: "t" });
    expect(errors.accountId?.[0]).toMatch(/32 hexadecimal/);
  });

  it("refuses offline_access and requires secrets on create", () => {
    const errors = errorsOf({
      vendor: "uipath",
      name: "x",
      baseUrl: "https://cloud.uipath.com",
      organizationName: "acme",
      partitionGlobalId: "3fa85f64-5717-4562-b3fc-2c963f66afa6",
      clientId: "c",
      clientSecret: "",
      scopes: "PM.AuthSetting offline_access",
    });
    expect(errors.scopes?.[0]).toMatch(/offline_access/);
    expect(errors.clientSecret?.[0]).toMatch(/client secret/);
  });

  it("validates Huawei identifiers", () => {
    const errors = errorsOf({
      vendor: "huawei",
      name: "x",
      baseUrl: "https://identitystore.ap-southeast-1.myhuaweicloud.com",
      region: "Singapore",
      identityStoreId: "1234",
      accessKeyId: "lower",
      secretAccessKey: "s",
    });
    expect(Object.keys(errors).sort()).toEqual(["accessKeyId", "identityStoreId", "region"]);
  });
});
