import { startSandbox, type Sandbox } from "../server";
import { UIPATH_ORGS } from "../seed/uipath-catalog";
import { httpRequest, type TestResponse } from "./http";

/** Starts a sandbox on ephemeral ports with the control plane, as the tests use it. */
export function startTestSandbox(): Promise<Sandbox> {
  return startSandbox({ ports: { uipath: 0, cloudflare: 0, huawei: 0, issuers: 0 }, control: true });
}

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

/** A Cloudflare call with a bearer token (path below /client/v4). */
export function cloudflareCall(
  sb: Sandbox,
  token: string,
  path: string,
  method = "GET",
): Promise<TestResponse> {
  return httpRequest(`${sb.urls.cloudflare}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}` },
  });
}

/** Mints a JWT at a hosted issuer (over HTTPS, trusting the sandbox CA). */
export async function mint(sb: Sandbox, issuer: string, claims: Record<string, unknown>): Promise<string> {
  const res = await httpRequest(`${sb.urls.issuers[issuer]}/mint`, {
    method: "POST",
    ca: sb.caPem,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(claims),
  });
  const token = (res.json as { token?: string } | undefined)?.token;
  if (!token) throw new Error(`mint failed: ${res.status} ${res.text}`);
  return token;
}
