import "server-only";

import { runConnectionTest } from "../connection-test";
import type { ConnectionFor, ConnectionTestResult } from "../model";
import type { TokenCache } from "./auth";
import type { UiPathClient } from "./client";

type Conn = ConnectionFor<"uipath">;

/**
 * Token with the secret, then one read per scope: the SAML pair (PM.AuthSetting, and the
 * organization name + partitionGlobalId) and the external applications (PM.OAuthApp).
 */
export function testUiPathConnection(
  conn: Conn,
  client: UiPathClient,
  tokens: TokenCache,
  now: () => number,
): Promise<ConnectionTestResult> {
  // Always ask for a new token, so a changed or revoked secret shows up now.
  tokens.forget(conn.id);
  return runConnectionTest(
    [
      {
        name: "credentials",
        run: async () => {
          const token = await client.managementToken();
          const canWrite = token.grantedScopes.some(
            (scope) => scope === "PM.OAuthApp" || scope === "PM.OAuthApp.Write",
          );
          const readOnly = canWrite
            ? ""
            : " Federated credentials are read-only with these scopes (changing them needs PM.OAuthApp or PM.OAuthApp.Write).";
          return `UiPath issued a token to App ID ${conn.clientId} with scopes ${token.grantedScopes.join(" ") || "(none listed)"}.${readOnly}`;
        },
      },
      {
        name: "permission:PM.AuthSetting",
        run: async () => {
          await client.getSamlCertificates();
          return `Read the SAML certificates of organization ${conn.organizationName}.`;
        },
        explain: (error) =>
          error.status === 404
            ? `UiPath found no organization “${conn.organizationName}” with partitionGlobalId ${conn.partitionGlobalId} for this application. Check the organization name (the URL segment after the host) and the GUID.`
            : undefined,
      },
      {
        name: "permission:PM.OAuthApp",
        run: async () => {
          const apps = await client.listExternalClients();
          return `Listed ${apps.length} external application${apps.length === 1 ? "" : "s"}.`;
        },
      },
    ],
    now,
  );
}
