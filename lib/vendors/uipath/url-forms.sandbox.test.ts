import { describe, expect, it } from "vitest";

import { sandboxFixture, testHttp } from "../testing/sandbox-fixture";
import type { ConnectionFor } from "../model";
import { createUiPathAdapter } from "./adapter";
import { TokenCache } from "./auth";

// Both documented token endpoints against the sandbox, which answers on each, as UiPath does.
const sb = sandboxFixture();
const PLAIN = /^\/identity_\/connect\/token$/;
const WITH_ORG = /^\/[^/]+\/identity_\/connect\/token$/;

function setup() {
  return createUiPathAdapter({ tokens: new TokenCache(), http: testHttp() });
}

function withForm(conn: ConnectionFor<"uipath">, tokenEndpointForm: "access-url" | "organization") {
  return { ...conn, accessUrlForm: "custom" as const, tokenEndpointForm };
}

describe("UiPath token endpoint forms against the sandbox", () => {
  it.each([
    ["access-url", PLAIN, WITH_ORG],
    ["organization", WITH_ORG, PLAIN],
  ] as const)(
    "the %s form gets its token there, and Test names every URL it checked",
    async (form, used, unused) => {
      const conn = withForm(sb.conn("uipath", "Contoso"), form);
      const result = await setup().testConnection(conn);
      expect(result.ok).toBe(true);
      const org = conn.organizationName;
      const token =
        form === "organization"
          ? `${conn.baseUrl}/${org}/identity_/connect/token`
          : `${conn.baseUrl}/identity_/connect/token`;
      expect(result.checks.map((check) => [check.name, check.url])).toEqual([
        ["credentials", `POST ${token}`],
        [
          "permission:PM.AuthSetting",
          `GET ${conn.baseUrl}/${org}/identity_/api/SamlCertificate/${conn.partitionGlobalId}/certificates`,
        ],
        [
          "permission:PM.OAuthApp",
          `GET ${conn.baseUrl}/${org}/identity_/api/ExternalClient/${conn.partitionGlobalId}`,
        ],
        [
          "api:federated-credentials",
          `GET ${conn.baseUrl}/identity_/api/ExternalClient/${conn.partitionGlobalId}/${conn.clientId}/FederatedCredentials`,
        ],
      ]);
      expect(await sb.count("uipath", "POST", used)).toBe(1);
      expect(await sb.count("uipath", "POST", unused)).toBe(0);
      // The token works for reads too, in either form.
      await expect(setup().listCertificateSets(conn)).resolves.toHaveLength(1);
    },
  );

  it("with the organization form, another organization's name fails at the token endpoint and says which URL", async () => {
    const conn = { ...withForm(sb.conn("uipath", "Contoso"), "organization"), organizationName: "fabrikam" };
    const result = await setup().testConnection(conn);
    expect(result.ok).toBe(false);
    expect(result.checks).toEqual([
      expect.objectContaining({
        name: "credentials",
        ok: false,
        url: `POST ${conn.baseUrl}/fabrikam/identity_/connect/token`,
        message: expect.stringContaining("invalid_client"),
      }),
    ]);
  });

  it("an access URL with a path too many has no token endpoint: Test names the URL and the other form", async () => {
    const contoso = sb.conn("uipath", "Contoso");
    const conn = { ...withForm(contoso, "access-url"), baseUrl: `${contoso.baseUrl}/portal_/acme` };
    const result = await setup().testConnection(conn);
    expect(result.checks).toEqual([
      expect.objectContaining({
        name: "credentials",
        ok: false,
        url: `POST ${conn.baseUrl}/identity_/connect/token`,
      }),
    ]);
    expect(result.checks[0]?.message).toBe(
      `UiPath has no token endpoint at ${conn.baseUrl}/identity_/connect/token (HTTP 404). Check the access URL (${conn.baseUrl}, Custom host (a gateway or the sandbox)), the organization name, or choose the token endpoint with the organization segment ({access URL}/{organization}/identity_/connect/token).`,
    );
  });

  it("a token endpoint that is not there (404) names the URL and the other form", async () => {
    await sb.control.fault({ path: "/*/identity_/connect/token", kind: "status", status: 404 });
    const conn = withForm(sb.conn("uipath", "Contoso"), "organization");
    const result = await setup().testConnection(conn);
    expect(result.checks[0]?.message).toMatch(
      new RegExp(
        `UiPath has no token endpoint at ${conn.baseUrl.replace(/\./g, "\\.")}/${conn.organizationName}/identity_/connect/token \\(HTTP 404\\).*without the organization segment`,
      ),
    );
  });
});
