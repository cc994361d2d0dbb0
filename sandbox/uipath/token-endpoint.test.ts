import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Sandbox } from "../server";
import { UIPATH_ORGS } from "./catalog";
import { mint, startTestSandbox } from "../testing/harness";
import { tokenRequest, uipathCall, uipathToken } from "./testing";

const contoso = UIPATH_ORGS.contoso;
const deploy = contoso.apps[0]!; // GitHub Deploy: three github-actions credentials
const aud = "https://cloud.uipath.com/contoso";
const sub = "repo:contoso/robots:ref:refs/heads/main";
const JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
let sb: Sandbox;

beforeAll(async () => {
  sb = await startTestSandbox();
});
afterAll(() => sb.stop());
beforeEach(() => sb.control.reset());

const secretForm = (extra: Record<string, string> = {}) => ({
  grant_type: "client_credentials",
  client_id: contoso.dashboardApp.id,
  client_secret: contoso.dashboardApp.secret!,
  scope: "PM.AuthSetting PM.OAuthApp",
  ...extra,
});

describe("token endpoint: client secret", () => {
  it("issues a one-hour bearer token with the requested scopes, at both documented paths", async () => {
    for (const path of ["/identity_/connect/token", "/contoso/identity_/connect/token"]) {
      const res = await tokenRequest(sb, secretForm(), path);
      expect(res.status).toBe(200);
      expect(res.headers["content-type"]).toMatch(/^application\/json/);
      expect(res.headers["cache-control"]).toBe("no-store");
      expect(res.json).toMatchObject({
        expires_in: 3600,
        token_type: "Bearer",
        scope: "PM.AuthSetting PM.OAuthApp",
      });
      expect((res.json as { access_token: string }).access_token.split(".")).toHaveLength(3);
    }
  });

  it("grants every allowed scope when none is requested, and a subset when asked", async () => {
    expect((await tokenRequest(sb, secretForm({ scope: "" }))).json).toMatchObject({
      scope: "PM.AuthSetting PM.OAuthApp",
    });
    expect((await tokenRequest(sb, secretForm({ scope: "PM.AuthSetting" }))).json).toMatchObject({
      scope: "PM.AuthSetting",
    });
  });

  it.each([
    ["a wrong secret", { client_secret: "nope" }, "invalid_client"],
    ["an unknown client", { client_id: "00000000-0000-4000-8000-000000000000" }, "invalid_client"],
    ["the expired previous secret", { client_secret: "x".repeat(24) }, "invalid_client"],
    ["offline_access", { scope: "PM.AuthSetting offline_access" }, "invalid_scope"],
    ["a scope not granted", { scope: "PM.OAuthAppSecret.Write" }, "invalid_scope"],
    ["no grant_type", { grant_type: "" }, "invalid_request"],
    ["another grant type", { grant_type: "authorization_code" }, "unsupported_grant_type"],
    [
      "a secret and an assertion",
      { client_assertion: "a.b.c", client_assertion_type: JWT_BEARER },
      "invalid_request",
    ],
  ])("refuses %s with 400 and no WWW-Authenticate", async (_label, extra, error) => {
    const res = await tokenRequest(sb, secretForm(extra as Record<string, string>));
    expect(res.status).toBe(400);
    expect((res.json as { error: string }).error).toBe(error);
    expect(res.headers["www-authenticate"]).toBeUndefined();
  });

  it("refuses a JSON body with invalid_request, another org's path with invalid_client, a public app with unauthorized_client", async () => {
    const { httpRequest } = await import("../testing/http");
    const json = await httpRequest(`${sb.urls.uipath}/identity_/connect/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(secretForm()),
    });
    expect(json.status).toBe(400);
    expect(json.json).toEqual({ error: "invalid_request" });
    expect((await tokenRequest(sb, secretForm(), "/fabrikam/identity_/connect/token")).json).toEqual({
      error: "invalid_client",
    });
    const publicApp = contoso.apps[3]!;
    expect(
      (
        await tokenRequest(sb, {
          grant_type: "client_credentials",
          client_id: publicApp.id,
          client_secret: "x",
        })
      ).json,
    ).toEqual({ error: "unauthorized_client" });
  });

  it("accepts client_secret_basic (HTTP Basic) as IdentityServer does", async () => {
    const { httpRequest } = await import("../testing/http");
    const basic = Buffer.from(
      `${encodeURIComponent(contoso.dashboardApp.id)}:${encodeURIComponent(contoso.dashboardApp.secret!)}`,
    ).toString("base64");
    const send = (auth: string) =>
      httpRequest(`${sb.urls.uipath}/identity_/connect/token`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", authorization: auth },
        body: "grant_type=client_credentials&scope=PM.AuthSetting",
      });
    expect((await send(`Basic ${basic}`)).status).toBe(200);
    expect(
      (await send(`Basic ${Buffer.from(`${contoso.dashboardApp.id}:wrong`).toString("base64")}`)).json,
    ).toEqual({ error: "invalid_client" });
    expect((await send("Bearer x")).json).toEqual({ error: "invalid_client" });
  });

  it("answers 200 HTML on the wrong path /identity/connect/token, as the real host does", async () => {
    const res = await tokenRequest(sb, secretForm(), "/identity/connect/token");
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/html/);
  });

  it("expires tokens on the sandbox clock: 401 with WWW-Authenticate invalid_token", async () => {
    const token = await uipathToken(sb, "contoso");
    const path = `/contoso/identity_/api/SamlCertificate/${contoso.partitionGlobalId}/certificates`;
    expect((await uipathCall(sb, token, "GET", path)).status).toBe(200);
    await sb.control.advance(3601_000);
    const res = await uipathCall(sb, token, "GET", path);
    expect(res.status).toBe(401);
    expect(res.headers["www-authenticate"]).toMatch(
      /^Bearer error="invalid_token", error_description="The token expired at '/,
    );
    expect((await uipathCall(sb, "not-a-token", "GET", path)).headers["www-authenticate"]).toBe(
      'Bearer error="invalid_token"',
    );
    const { httpRequest } = await import("../testing/http");
    const anonymous = await httpRequest(`${sb.urls.uipath}${path}`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers["www-authenticate"]).toBe("Bearer");
  });
});

describe("token endpoint: federated JWT client assertion", () => {
  const assertionForm = (assertion: string, clientId = deploy.id) => ({
    grant_type: "client_credentials",
    client_id: clientId,
    client_assertion_type: JWT_BEARER,
    client_assertion: assertion,
    scope: "PM.OAuthApp.Read",
  });

  it("exchanges an RS256 JWT whose iss, sub and aud match a credential", async () => {
    const jwt = await mint(sb, "github-actions", { sub, aud: [aud, "other"] });
    const res = await tokenRequest(sb, assertionForm(jwt));
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ token_type: "Bearer", expires_in: 3600, scope: "PM.OAuthApp.Read" });
  });

  it.each([
    ["an expired JWT", { sub, aud, expiresIn: -600 }, /expired/],
    ["a wrong subject", { sub: "repo:contoso/robots:ref:refs/heads/evil", aud }, /subject/],
    ["a wrong audience", { sub, aud: "https://cloud.uipath.com/other" }, /audience/],
    ["a foreign issuer claim", { sub, aud, iss: "https://token.actions.githubusercontent.com" }, /issuer/],
    ["ES256", { sub, aud, alg: "ES256" }, /only RS256/],
    ["HS256", { sub, aud, alg: "HS256" }, /only RS256/],
    ["an unknown kid", { sub, aud, kid: "rotated-away" }, /kid/],
  ])("refuses %s with invalid_client and a reason", async (_label, claims, reason) => {
    const jwt = await mint(sb, "github-actions", claims);
    const res = await tokenRequest(sb, assertionForm(jwt));
    expect(res.status).toBe(400);
    expect((res.json as { error: string }).error).toBe("invalid_client");
    expect((res.json as { error_description: string }).error_description).toMatch(reason);
  });

  it("refuses a JWT over 8 KB before validating it, and a tampered signature", async () => {
    const big = await mint(sb, "github-actions", { sub, aud, padding: "x".repeat(9000) });
    expect((await tokenRequest(sb, assertionForm(big))).json).toMatchObject({
      error: "invalid_client",
      error_description: expect.stringMatching(/8 KB/),
    });
    const jwt = await mint(sb, "github-actions", { sub, aud });
    const [h, p, s] = jwt.split(".");
    const tampered = `${h}.${p}.${s!.slice(0, -4)}AAAA`;
    expect((await tokenRequest(sb, assertionForm(tampered))).json).toMatchObject({
      error: "invalid_client",
      error_description: expect.stringMatching(/signature/),
    });
  });

  it("refuses an issuer whose JWKS is unreachable (no-jwks) and a wrong assertion type", async () => {
    const tailspin = UIPATH_ORGS.tailspin.apps[0]!;
    const jwt = await mint(sb, "no-jwks", {
      sub: "repo:tailspin/sync:ref:refs/heads/dev",
      aud: "https://cloud.uipath.com/tailspin",
    });
    expect((await tokenRequest(sb, assertionForm(jwt, tailspin.id))).json).toMatchObject({
      error: "invalid_client",
      error_description: expect.stringMatching(/keys/),
    });
    const ok = await mint(sb, "github-actions", { sub, aud });
    expect(
      (await tokenRequest(sb, { ...assertionForm(ok), client_assertion_type: "urn:other" })).json,
    ).toMatchObject({ error: "invalid_client" });
  });
});
