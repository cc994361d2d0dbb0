import { describe, expect, it } from "vitest";
import { CONNECTION_SHAPES } from "@/lib/vendors/connection-schemas";
import { connectionFormOf } from "@/lib/vendors/connection-forms";
import { VENDORS } from "@/lib/vendors/descriptors";
import {
  canonicalDestination,
  changedDestinationFields,
  destinationFields,
  reenterSecretMessage,
  requiredSecretFields,
} from "./destination";

describe("each vendor's destination", () => {
  it.each(VENDORS)("%s declares fields of its own schema and form, base URL first, no secret", (vendor) => {
    const fields = destinationFields(vendor);
    const shape = CONNECTION_SHAPES[vendor];
    expect(fields[0]).toBe("baseUrl");
    expect(fields.length).toBeGreaterThan(1);
    for (const field of fields) {
      expect(Object.keys(shape.fields)).toContain(field);
      expect(Object.keys(shape.secrets)).not.toContain(field);
      expect(connectionFormOf(vendor).map((spec) => spec.name)).toContain(field);
    }
    expect(requiredSecretFields(vendor).length).toBeGreaterThan(0);
  });

  it("names what decides where each vendor's secrets go", () => {
    expect(destinationFields("uipath")).toEqual(["baseUrl", "organizationName", "partitionGlobalId"]);
    expect(destinationFields("cloudflare")).toEqual(["baseUrl", "accountId"]);
    expect(destinationFields("huawei")).toEqual(["baseUrl", "region", "identityStoreId"]);
  });
});

describe("comparing destinations", () => {
  const before = {
    baseUrl: "https://api.cloudflare.com/client/v4",
    accountId: "0123456789abcdef0123456789abcdef",
  };

  it("treats notations of the same base URL as the same destination", () => {
    for (const baseUrl of [
      "https://api.cloudflare.com/client/v4/",
      "https://API.Cloudflare.com/client/v4",
      "https://api.cloudflare.com:443/client/v4",
      " https://api.cloudflare.com/client/v4 ",
    ])
      expect(changedDestinationFields("cloudflare", before, { ...before, baseUrl })).toEqual([]);
  });

  it("sees every other host, port, scheme or path as another destination", () => {
    for (const baseUrl of [
      "https://api.cloudflare.com.evil.example/client/v4",
      "https://api.cloudflare.com:8443/client/v4",
      "http://api.cloudflare.com/client/v4",
      "https://api.cloudflare.com/client/v5",
      "https://api.cloudflare.com./client/v4",
    ])
      expect(changedDestinationFields("cloudflare", before, { ...before, baseUrl })).toEqual(["baseUrl"]);
  });

  it("ignores fields that are not part of the destination", () => {
    expect(changedDestinationFields("cloudflare", before, { ...before, name: "renamed" })).toEqual([]);
    const uipath = {
      baseUrl: "https://cloud.uipath.com",
      organizationName: "acme",
      partitionGlobalId: "3fa85f64-5717-4562-b3fc-2c963f66afa6",
    };
    expect(changedDestinationFields("uipath", uipath, { ...uipath, clientId: "other", scopes: "x" })).toEqual(
      [],
    );
    expect(
      changedDestinationFields("uipath", uipath, {
        ...uipath,
        organizationName: "other",
        baseUrl: "https://govcloud.uipath.us",
      }),
    ).toEqual(["baseUrl", "organizationName"]);
  });

  it("gives one canonical string per destination, vendor included", () => {
    expect(canonicalDestination("cloudflare", before)).toBe(
      canonicalDestination("cloudflare", {
        ...before,
        baseUrl: "https://API.cloudflare.com/client/v4/",
        name: "x",
      }),
    );
    expect(canonicalDestination("cloudflare", before)).not.toBe(canonicalDestination("uipath", before));
  });

  it("tells the admin which fields changed and which secret to enter again", () => {
    expect(reenterSecretMessage("uipath", ["baseUrl", "organizationName"])).toBe(
      "The Access URL and Organization name change where the stored App secret would be sent: enter the App secret again to save this change. Trustdeck never sends a stored secret to a new destination.",
    );
    expect(reenterSecretMessage("huawei", ["region"])).toMatch(
      /^The Region changes where the stored Secret access key \(SK\) would be sent: enter the Secret access key \(SK\) again/,
    );
  });
});
