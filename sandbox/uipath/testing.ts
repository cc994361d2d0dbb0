import type { Sandbox } from "../server";
import { httpRequest, type TestResponse } from "../testing/http";
import { UIPATH_ORGS } from "./catalog";

/** Client-credentials token request (form-encoded). */
export function tokenRequest(
  sb: Sandbox,
  form: Record<string, string>,
  path = "/identity_/connect/token",
): Promise<TestResponse> {
  return httpRequest(`${sb.urls.uipath}${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form).toString(),
  });
}

type OrgKey = keyof typeof UIPATH_ORGS;

/** A token for an org's dashboard app (its granted scopes by default). */
export async function uipathToken(sb: Sandbox, org: OrgKey, scope?: string): Promise<string> {
  const app = UIPATH_ORGS[org].dashboardApp;
  const res = await tokenRequest(sb, {
    grant_type: "client_credentials",
    client_id: app.id,
    client_secret: app.secret!,
    scope: scope ?? app.scopes.join(" "),
  });
  if (res.status !== 200) throw new Error(`token: ${res.status} ${res.text}`);
  return (res.json as { access_token: string }).access_token;
}

/** A JSON call to the UiPath API with a bearer token. */
export function uipathCall(
  sb: Sandbox,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<TestResponse> {
  return httpRequest(`${sb.urls.uipath}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined && { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
