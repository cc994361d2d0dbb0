import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  connectionEndpoints,
  connectionFieldsSchema,
  connectionInputSchema,
} from "@/lib/connections/schemas";
import { inferAccessUrlForm, resolveAccessUrl, uipathTokenEndpoint } from "./urls";

const base = {
  vendor: "uipath",
  name: "UiPath",
  organizationName: "acme",
  partitionGlobalId: "3fa85f64-5717-4562-b3fc-2c963f66afa6",
  clientId: "app",
  clientSecret: "secret",
};

function parse(fields: Record<string, unknown>) {
  return connectionInputSchema.safeParse({ ...base, ...fields });
}

function fieldError(fields: Record<string, unknown>, field: string): string | undefined {
  const result = parse(fields);
  if (result.success) return undefined;
  const errors: Record<string, string[] | undefined> = z.flattenError(result.error).fieldErrors;
  return errors[field]?.[0];
}

const baseUrlError = (fields: Record<string, unknown>) => fieldError(fields, "baseUrl");

describe("UiPath access URL forms", () => {
  it.each([
    ["cloud", "", "https://cloud.uipath.com"],
    ["cloud", "https://cloud.uipath.com/", "https://cloud.uipath.com"],
    ["cloud", "HTTPS://CLOUD.UIPATH.COM:443", "https://cloud.uipath.com"],
    // A documented URL left over from an earlier choice is replaced by the chosen platform's.
    ["cloud", "https://govcloud.uipath.us", "https://cloud.uipath.com"],
    ["public-sector", "", "https://govcloud.uipath.us"],
    ["public-sector", "https://cloud.uipath.com", "https://govcloud.uipath.us"],
    ["dedicated", "https://acme.dedicated.uipath.com", "https://acme.dedicated.uipath.com"],
    ["dedicated", "https://ACME-eu.Dedicated.UiPath.com/", "https://acme-eu.dedicated.uipath.com"],
    ["dedicated", "  https://acme.dedicated.uipath.com:443//  ", "https://acme.dedicated.uipath.com"],
    ["custom", "http://127.0.0.1:4610", "http://127.0.0.1:4610"],
    ["custom", "https://uipath-gw.example.com/prefix", "https://uipath-gw.example.com/prefix"],
  ])("%s with “%s” resolves to %s", (accessUrlForm, baseUrl, expected) => {
    const result = parse({ accessUrlForm, baseUrl });
    expect(result.success && result.data.baseUrl).toBe(expected);
    expect(result.success && result.data.vendor === "uipath" && result.data.accessUrlForm).toBe(
      accessUrlForm,
    );
  });

  it.each([
    [
      "cloud",
      "https://uipath-gw.example.com",
      /Automation Cloud's access URL is https:\/\/cloud\.uipath\.com.*Custom host/,
    ],
    [
      "public-sector",
      "https://gw.example.com",
      /Public Sector's access URL is https:\/\/govcloud\.uipath\.us/,
    ],
    ["dedicated", "", /Enter your Dedicated access URL, https:\/\/<name>\.dedicated\.uipath\.com/],
    [
      "dedicated",
      "https://gw.example.com",
      /A Dedicated access URL looks like https:\/\/<name>\.dedicated\.uipath\.com; https:\/\/gw\.example\.com is not one/,
    ],
    ["dedicated", "https://cloud.uipath.com", /A Dedicated access URL looks like/],
    [
      "dedicated",
      "https://acme.dedicated.uipath.com/acme",
      /Remove “\/acme” after the host: a UiPath access URL is https:\/\/acme\.dedicated\.uipath\.com alone/,
    ],
    ["dedicated", "https://acme.dedicated.uipath.com:8443", /Remove the port :8443/],
    [
      "dedicated",
      "https://-acme.dedicated.uipath.com",
      /-acme\.dedicated\.uipath\.com is not a UiPath access URL/,
    ],
    ["custom", "", /Enter the custom host's URL/],
    ["custom", "https://admin:pw@cloud.uipath.com", /Remove the user name and password before the host/],
    [
      "custom",
      "https://cloud.uipath.com:8443/",
      /Remove the port :8443: a UiPath access URL is https:\/\/cloud\.uipath\.com/,
    ],
    [
      "custom",
      "https://cloud.uipath.com/acme",
      /Remove “\/acme” after the host: a UiPath access URL is https:\/\/cloud\.uipath\.com alone/,
    ],
    ["custom", "https://cloud.uipath.com/identity_", /Remove “\/identity_”/],
    [
      "custom",
      "https://govcloud.uipath.com",
      /govcloud\.uipath\.com is not a UiPath access URL \(documented: https:\/\/cloud\.uipath\.com, https:\/\/govcloud\.uipath\.us, https:\/\/\{name\}\.dedicated\.uipath\.com\)/,
    ],
    ["custom", "https://acme.uipath.us", /acme\.uipath\.us is not a UiPath access URL/],
  ])("%s with “%s” is refused on the access URL", (accessUrlForm, baseUrl, message) => {
    expect(baseUrlError({ accessUrlForm, baseUrl })).toMatch(message);
  });

  it("refuses a platform that is not documented, and plain http, with their own messages", () => {
    expect(fieldError({ accessUrlForm: "regional", baseUrl: "" }, "accessUrlForm")).toMatch(
      /Choose the access URL's cloud platform: cloud, public-sector, dedicated, custom/,
    );
    expect(baseUrlError({ accessUrlForm: "custom", baseUrl: "http://cloud.uipath.com" })).toMatch(
      /plain http is only accepted for a loopback address/,
    );
  });

  it("keeps a connection saved before the form existed exactly as it was, and infers its form", () => {
    for (const [url, form] of [
      ["http://127.0.0.1:4610", "custom"],
      ["https://cloud.uipath.com", "cloud"],
      ["https://govcloud.uipath.us", "public-sector"],
      ["https://acme.dedicated.uipath.com", "dedicated"],
      // Accepted before, used as it always was (the connection test says what is wrong with it).
      ["https://cloud.uipath.com/acme", "custom"],
    ] as const) {
      const result = parse({ baseUrl: url });
      expect(result.success && result.data.baseUrl).toBe(url);
      expect(result.success && result.data.vendor === "uipath" && result.data.accessUrlForm).toBe(form);
      expect(result.success && result.data.vendor === "uipath" && result.data.tokenEndpointForm).toBe(
        "access-url",
      );
      expect(inferAccessUrlForm(url)).toBe(form);
    }
    expect(resolveAccessUrl({ baseUrl: "" })).toEqual({
      ok: true,
      form: "cloud",
      accessUrl: "https://cloud.uipath.com",
    });
  });
});

describe("UiPath token endpoint forms", () => {
  const conn = { baseUrl: "https://acme.dedicated.uipath.com", organizationName: "acme org" };

  it("defaults to the form without the organization segment, as before the choice existed", () => {
    expect(uipathTokenEndpoint(conn)).toBe("https://acme.dedicated.uipath.com/identity_/connect/token");
    expect(uipathTokenEndpoint({ ...conn, tokenEndpointForm: "access-url" })).toBe(
      "https://acme.dedicated.uipath.com/identity_/connect/token",
    );
  });

  it("puts the (encoded) organization before identity_ in the other form", () => {
    expect(uipathTokenEndpoint({ ...conn, tokenEndpointForm: "organization" })).toBe(
      "https://acme.dedicated.uipath.com/acme%20org/identity_/connect/token",
    );
  });

  it("refuses a token endpoint form that is not documented", () => {
    expect(fieldError({ accessUrlForm: "cloud", tokenEndpointForm: "tenant" }, "tokenEndpointForm")).toMatch(
      /Choose the token endpoint's form: access-url, organization/,
    );
  });

  it("lists every URL the connection calls, labelled with the choices", () => {
    const fields = connectionFieldsSchema.parse({
      ...base,
      accessUrlForm: "public-sector",
      baseUrl: "",
      tokenEndpointForm: "organization",
    });
    expect(connectionEndpoints(fields)).toEqual([
      {
        label: "Access URL · Automation Cloud Public Sector (https://govcloud.uipath.us)",
        url: "https://govcloud.uipath.us",
      },
      {
        label: "Token endpoint · with the organization segment",
        url: "https://govcloud.uipath.us/acme/identity_/connect/token",
      },
      {
        label: "API · SAML certificates, external applications",
        url: "https://govcloud.uipath.us/acme/identity_/api",
      },
      { label: "API · federated credentials", url: "https://govcloud.uipath.us/identity_/api" },
    ]);
  });
});
