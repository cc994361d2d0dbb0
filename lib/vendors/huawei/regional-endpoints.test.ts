import { describe, expect, it } from "vitest";

import { sandboxFixture, testHttp } from "../testing/sandbox-fixture";
import type { ConnectionFor } from "../model";
import { createHuaweiAdapter } from "./adapter";

// Each region's Identity Store endpoint knows only that region's stores; the sandbox serves
// region R's endpoint at `/{R}` (the real host is identitystore.{R}.myhuaweicloud.com).
const sb = sandboxFixture();

function setup() {
  return createHuaweiAdapter({ http: testHttp() });
}

function atRegionEndpoint(conn: ConnectionFor<"huawei">, region = conn.region): ConnectionFor<"huawei"> {
  return { ...conn, endpointForm: "custom", baseUrl: `${conn.baseUrl}/${region}` };
}

describe("Huawei regional Identity Store endpoints against the sandbox", () => {
  it.each([
    ["Singapore", "ap-southeast-1"],
    ["Beijing", "cn-north-4"],
    ["Cape Town", "af-south-1"],
  ])("the %s store answers at its region's endpoint (%s), signed for that path", async (name, region) => {
    const conn = atRegionEndpoint(sb.conn("huawei", name));
    expect(conn.region).toBe(region);
    const result = await setup().testConnection(conn);
    expect(result.ok).toBe(true);
    expect(result.checks.map((check) => check.url)).toEqual([
      `GET ${conn.baseUrl}/v1/identity-stores/${conn.identityStoreId}/saml-certificates`,
      `GET ${conn.baseUrl}/v1/identity-stores/${conn.identityStoreId}/external-idp`,
    ]);
    const sets = await setup().listCertificateSets(conn);
    expect(sets[0]).toMatchObject({ kind: "huawei-sp" });
    const seen = await sb.control.requests("huawei");
    expect(seen.some((r) => r.path.startsWith(`/${region}/v1/identity-stores/`))).toBe(true);
  });

  it("another region's endpoint does not know the store: Test names the endpoint that failed", async () => {
    const singapore = sb.conn("huawei", "Singapore");
    const conn = atRegionEndpoint(singapore, "cn-north-4");
    const result = await setup().testConnection(conn);
    expect(result.ok).toBe(false);
    expect(result.checks[0]).toMatchObject({
      ok: false,
      url: `GET ${conn.baseUrl}/v1/identity-stores/${conn.identityStoreId}/saml-certificates`,
    });
    expect(result.checks[0]?.message).toContain(`Asked the custom endpoint ${conn.baseUrl}:`);
    expect(result.checks[0]?.message).toContain(singapore.identityStoreId);
    expect(result.checks[0]?.message).toMatch(/only the stores of that region/);
  });

  it("an endpoint without the Identity Store API says so, naming it", async () => {
    const conn = { ...sb.conn("huawei", "Singapore"), endpointForm: "custom" as const };
    const wrong = { ...conn, baseUrl: `${conn.baseUrl}/not-a-region` };
    const result = await setup().testConnection(wrong);
    expect(result.checks[0]?.message).toContain(
      `the custom endpoint ${wrong.baseUrl} has no Identity Store API`,
    );
  });
});
