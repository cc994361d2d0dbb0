import { expect } from "@playwright/test";
import { sandboxConnections } from "./sandbox";

// Changes made straight at the (sandbox) vendor, as someone in its console would: Trustdeck
// learns of them only from its next inventory refresh, as drift.

/** Rotate the first SAML certificate set of a Cloudflare account. */
export async function rotateCloudflareSet(connectionName: string): Promise<void> {
  const cf = sandboxConnections().find((c) => c.name === connectionName)!;
  const base = `${cf.baseUrl}/accounts/${cf.accountId}/access/saml_certificates`;
  const headers = { Authorization: `Bearer ${cf.apiToken}` };
  const list = (await (await fetch(base, { headers })).json()) as { result: { uid: string }[] };
  const rotated = await fetch(`${base}/${list.result[0]!.uid}/rotate`, { method: "POST", headers });
  expect(rotated.status).toBe(200);
}

/** Upload a PEM as a UiPath organization's secondary SAML certificate (replacing any there). */
export async function uploadUipathSecondary(connectionName: string, pem: string): Promise<void> {
  const org = sandboxConnections().find((c) => c.name === connectionName)!;
  const token = await fetch(`${org.baseUrl}/identity_/connect/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_id: org.clientId!,
      client_secret: org.clientSecret!,
      scope: "PM.AuthSetting",
    }),
  });
  expect(token.status).toBe(200);
  const { access_token: accessToken } = (await token.json()) as { access_token: string };
  const uploaded = await fetch(
    `${org.baseUrl}/${org.organizationName}/identity_/api/SamlCertificate/secondary`,
    {
      method: "PUT",
      headers: { authorization: `Bearer ${accessToken}`, "content-type": "application/json" },
      body: JSON.stringify({ partitionGlobalId: org.partitionGlobalId, certificate: pem }),
    },
  );
  expect(uploaded.status, await uploaded.clone().text()).toBe(200);
}
