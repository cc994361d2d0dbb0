import { createHash, randomBytes } from "node:crypto";
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../server";
import { startTestSandbox } from "../testing/harness";
import { httpRequest, type TestResponse } from "../testing/http";
import { IDP_PASSWORD } from "./idp-users";

let sb: Sandbox;
beforeAll(async () => {
  sb = await startTestSandbox();
});
afterAll(() => sb.stop());

const REDIRECT = "http://127.0.0.1:39999/api/auth/callback/oidc";

/** A browser stand-in: keeps cookies, follows nothing by itself. */
class Agent {
  private cookies = new Map<string, string>();
  async request(url: string, init: { method?: string; form?: Record<string, string> } = {}) {
    const headers: Record<string, string> = {};
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    if (init.form) headers["content-type"] = "application/x-www-form-urlencoded";
    const res = await httpRequest(url, {
      method: init.method ?? (init.form ? "POST" : "GET"),
      headers,
      ca: sb.caPem,
      ...(init.form && { body: new URLSearchParams(init.form).toString() }),
    });
    for (const line of [res.headers["set-cookie"] ?? []].flat()) {
      const [pair] = line.split(";");
      const [name, ...value] = pair!.split("=");
      this.cookies.set(name!.trim(), value.join("="));
    }
    return res;
  }
}

const location = (res: TestResponse, base: string) => new URL(String(res.headers.location), base).href;

function authorizeUrl(params: Record<string, string>) {
  const url = new URL(`${sb.idp.issuer}/auth`);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.href;
}

/** Runs the authorization code flow with PKCE as `username` and returns the redirect back to the client. */
async function signIn(username: string, password = IDP_PASSWORD) {
  const agent = new Agent();
  const verifier = randomBytes(32).toString("base64url");
  const challenge = createHash("sha256").update(verifier).digest("base64url");
  const start = await agent.request(
    authorizeUrl({
      client_id: sb.idp.clientId,
      redirect_uri: REDIRECT,
      response_type: "code",
      scope: "openid profile email groups",
      state: "state-123",
      code_challenge: challenge,
      code_challenge_method: "S256",
    }),
  );
  expect(start.status).toBe(303);
  const interaction = location(start, sb.idp.issuer);
  const loginPage = await agent.request(interaction);
  expect(loginPage.status).toBe(200);
  expect(loginPage.headers["content-security-policy"]).toContain("default-src 'none'");
  const loggedIn = await agent.request(`${interaction}/login`, { form: { username, password } });
  if (loggedIn.status !== 303) return { agent, verifier, final: loggedIn };
  // Back at the authorization endpoint, which asks for consent in a new interaction.
  const consent = location(await agent.request(location(loggedIn, interaction)), interaction);
  expect(consent).not.toBe(interaction);
  const consentPage = await agent.request(consent);
  expect(consentPage.text).toContain("groups");
  const consented = await agent.request(`${consent}/confirm`, { form: {} });
  const final = await agent.request(location(consented, consent));
  return { agent, verifier, final };
}

async function redeem(code: string, verifier: string) {
  const basic = Buffer.from(`${sb.idp.clientId}:${sb.idp.clientSecret}`).toString("base64");
  return httpRequest(`${sb.idp.issuer}/token`, {
    method: "POST",
    ca: sb.caPem,
    headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
    }).toString(),
  });
}

describe("sandbox OpenID Connect IdP", () => {
  it("answers discovery over HTTPS under the local CA, and is untrusted without it", async () => {
    expect(sb.idp.issuer).toMatch(/^https:\/\/localhost:\d+\/idp$/);
    const res = await httpRequest(`${sb.idp.issuer}/.well-known/openid-configuration`, { ca: sb.caPem });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      issuer: sb.idp.issuer,
      authorization_endpoint: `${sb.idp.issuer}/auth`,
      token_endpoint: `${sb.idp.issuer}/token`,
      jwks_uri: `${sb.idp.issuer}/jwks`,
      response_types_supported: ["code"],
      code_challenge_methods_supported: ["S256"],
    });
    expect((res.json as { scopes_supported: string[] }).scopes_supported).toContain("groups");
    await expect(httpRequest(`${sb.idp.issuer}/.well-known/openid-configuration`)).rejects.toThrow(
      /certificate/i,
    );
  });

  it("leaves the issuers' routes where they were", async () => {
    const res = await httpRequest(`${sb.urls.issuers.gitlab}/.well-known/openid-configuration`, {
      ca: sb.caPem,
    });
    expect(res.json).toMatchObject({ issuer: sb.urls.issuers.gitlab });
  });

  it("signs a user in with the code flow and PKCE; the ID token carries the groups claim", async () => {
    const { final } = await signIn("otto");
    expect(final.status).toBe(303);
    const back = new URL(String(final.headers.location));
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
    expect(back.searchParams.get("state")).toBe("state-123");
    expect(back.searchParams.get("iss")).toBe(sb.idp.issuer);
    const code = back.searchParams.get("code")!;

    expect((await redeem(code, randomBytes(32).toString("base64url"))).json).toMatchObject({
      error: "invalid_grant",
    });
    // A code is single-use: the failed attempt above consumed it, so start again.
    const second = await signIn("otto");
    const token = await redeem(
      new URL(String(second.final.headers.location)).searchParams.get("code")!,
      second.verifier,
    );
    expect(token.status).toBe(200);
    const jwks = (await httpRequest(`${sb.idp.issuer}/jwks`, { ca: sb.caPem })).json as JSONWebKeySet;
    const { payload } = await jwtVerify(
      (token.json as { id_token: string }).id_token,
      createLocalJWKSet(jwks),
      {
        issuer: sb.idp.issuer,
        audience: sb.idp.clientId,
      },
    );
    expect(payload).toMatchObject({
      sub: "idp-otto",
      preferred_username: "otto",
      groups: ["staff", "trustdeck-operators"],
    });
  });

  it("refuses a wrong password and an unknown user on its login page", async () => {
    for (const [user, password] of [
      ["otto", "wrong"],
      ["mallory", IDP_PASSWORD],
    ] as const) {
      const { final } = await signIn(user, password);
      expect(final.status).toBe(401);
      expect(final.text).toContain("Unknown username or wrong password.");
    }
  });

  it("requires PKCE and a registered redirect URI", async () => {
    const agent = new Agent();
    const base = { client_id: sb.idp.clientId, response_type: "code", scope: "openid", state: "s" };
    const noPkce = await agent.request(authorizeUrl({ ...base, redirect_uri: REDIRECT }));
    expect(String(noPkce.headers.location)).toContain("error=invalid_request");
    const elsewhere = await agent.request(
      authorizeUrl({
        ...base,
        redirect_uri: "https://attacker.example/api/auth/callback/oidc",
        code_challenge: "x".repeat(43),
        code_challenge_method: "S256",
      }),
    );
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.headers.location).toBeUndefined();
  });
});
