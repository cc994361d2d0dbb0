import "server-only";

import { explainFailure, runConnectionTest } from "../connection-test";
import type { VendorError } from "../errors";
import type { ConnectionFor, ConnectionTestResult } from "../model";
import type { TokenCache } from "./auth";
import type { UiPathClient } from "./client";
import {
  UIPATH_ACCESS_URL_FORMS,
  uipathFederatedApiBase,
  uipathOrganizationApiBase,
  uipathTokenEndpoint,
  inferAccessUrlForm,
} from "./urls";

type Conn = ConnectionFor<"uipath">;

/**
 * Each URL the connection resolves to, in turn: the token endpoint (in its form) with the
 * secret, the organization's API (SAML pair: PM.AuthSetting, organization name and
 * partitionGlobalId; external applications: PM.OAuthApp), then the API without the
 * organization segment (the application's own federated credentials).
 */
export function testUiPathConnection(
  conn: Conn,
  client: UiPathClient,
  tokens: TokenCache,
  now: () => number,
): Promise<ConnectionTestResult> {
  // Always ask for a new token, so a changed or revoked secret shows up now.
  tokens.forget(conn.id);
  const token = uipathTokenEndpoint(conn);
  const orgApi = uipathOrganizationApiBase(conn);
  const pgid = encodeURIComponent(conn.partitionGlobalId);
  return runConnectionTest(
    [
      {
        name: "credentials",
        url: `POST ${token}`,
        run: async () => {
          const granted = await client.managementToken();
          const canWrite = granted.grantedScopes.some(
            (scope) => scope === "PM.OAuthApp" || scope === "PM.OAuthApp.Write",
          );
          const readOnly = canWrite
            ? ""
            : " Federated credentials are read-only with these scopes (changing them needs PM.OAuthApp or PM.OAuthApp.Write).";
          return `UiPath issued a token to App ID ${conn.clientId} with scopes ${granted.grantedScopes.join(" ") || "(none listed)"}.${readOnly}`;
        },
        explain: (error) => explainTokenEndpoint(conn, token, error),
      },
      {
        name: "permission:PM.AuthSetting",
        url: `GET ${orgApi}/SamlCertificate/${pgid}/certificates`,
        run: async () => {
          await client.getSamlCertificates();
          return `Read the SAML certificates of organization ${conn.organizationName}.`;
        },
        explain: (error) =>
          error.status === 404
            ? `UiPath found no organization “${conn.organizationName}” with partitionGlobalId ${conn.partitionGlobalId} for this application at ${orgApi}. Check the organization name (the URL segment after the host) and the GUID.`
            : explainWebPage(conn, orgApi, error),
      },
      {
        name: "permission:PM.OAuthApp",
        url: `GET ${orgApi}/ExternalClient/${pgid}`,
        run: async () => {
          const apps = await client.listExternalClients();
          return `Listed ${apps.length} external application${apps.length === 1 ? "" : "s"}.`;
        },
        explain: (error) => explainWebPage(conn, orgApi, error),
      },
      {
        name: "api:federated-credentials",
        url: `GET ${uipathFederatedApiBase(conn)}/ExternalClient/${pgid}/${encodeURIComponent(conn.clientId)}/FederatedCredentials`,
        run: async () => {
          const credentials = await client.listFederatedCredentials(conn.clientId);
          return `Read the federated credentials of App ID ${conn.clientId} (${credentials.length}) at the API without the organization segment.`;
        },
        explain: (error) => explainWebPage(conn, uipathFederatedApiBase(conn), error),
      },
    ],
    now,
  );
}

/** Which form to try instead when the token endpoint is not where the connection says. */
function explainTokenEndpoint(conn: Conn, url: string, error: VendorError): string | undefined {
  const other =
    conn.tokenEndpointForm === "organization"
      ? "the token endpoint without the organization segment ({access URL}/identity_/connect/token)"
      : "the token endpoint with the organization segment ({access URL}/{organization}/identity_/connect/token)";
  if (error.status === 404 || error.status === 405)
    return `UiPath has no token endpoint at ${url} (HTTP ${error.status}). Check the access URL (${accessUrlLabel(conn)}), the organization name, or choose ${other}.`;
  if (error.kind === "wrong-base-url")
    return `${explainFailure(error)} It is not UiPath's token endpoint: check the access URL (${accessUrlLabel(conn)}), or choose ${other}.`;
  return undefined;
}

/** An API base that answers a web page: the access URL is not UiPath's API host. */
function explainWebPage(conn: Conn, base: string, error: VendorError): string | undefined {
  if (error.kind !== "wrong-base-url") return undefined;
  return `${explainFailure(error)} ${base} is not UiPath's API: check the access URL (${accessUrlLabel(conn)}).`;
}

function accessUrlLabel(conn: Conn): string {
  return `${conn.baseUrl}, ${UIPATH_ACCESS_URL_FORMS[conn.accessUrlForm ?? inferAccessUrlForm(conn.baseUrl)]}`;
}
