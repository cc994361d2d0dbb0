import "@abraham/reflection";
import * as x509 from "@peculiar/x509";
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../server";
import { mint, startTestSandbox } from "../testing/harness";
import { httpRequest } from "../testing/http";

let sb: Sandbox;
beforeAll(async () => {
  sb = await startTestSandbox();
});
afterAll(() => sb.stop());

const getJson = async (url: string) => {
  const res = await httpRequest(url, { ca: sb.caPem });
  return { status: res.status, json: res.json as Record<string, unknown> };
};

describe("HTTPS OIDC issuers", () => {
  it("serves github-actions, gitlab and kubernetes at https://localhost:<port>/<name>", () => {
    expect(Object.keys(sb.urls.issuers)).toEqual(["github-actions", "gitlab", "kubernetes", "no-jwks"]);
    for (const url of Object.values(sb.urls.issuers))
      expect(url).toMatch(/^https:\/\/localhost:\d+\/[a-z-]+$/);
  });

  it("uses a TLS certificate from the local CA with SANs localhost and 127.0.0.1; untrusted without the CA", async () => {
    const ca = new x509.X509Certificate(sb.caPem);
    expect(ca.getExtension(x509.BasicConstraintsExtension)?.ca).toBe(true);
    await expect(httpRequest(`${sb.urls.issuers.gitlab}/.well-known/openid-configuration`)).rejects.toThrow(
      /certificate/i,
    );
    const port = new URL(sb.urls.issuers.gitlab!).port;
    const byIp = await httpRequest(`https://127.0.0.1:${port}/gitlab/.well-known/openid-configuration`, {
      ca: sb.caPem,
    });
    expect(byIp.status).toBe(200);
  });

  it.each([
    ["github-actions", "/.well-known/jwks", 2],
    ["gitlab", "/oauth/discovery/keys", 1],
    ["kubernetes", "/openid/v1/jwks", 1],
  ])(
    "%s: discovery issuer is byte-identical to the URL; jwks_uri %s has RS256 keys with kid",
    async (name, jwksPath, keyCount) => {
      const issuer = sb.urls.issuers[name]!;
      const { status, json } = await getJson(`${issuer}/.well-known/openid-configuration`);
      expect(status).toBe(200);
      expect(json.issuer).toBe(issuer);
      expect(json.jwks_uri).toBe(`${issuer}${jwksPath}`);
      const jwks = await getJson(json.jwks_uri as string);
      const keys = jwks.json.keys as Array<Record<string, string>>;
      expect(keys).toHaveLength(keyCount);
      for (const k of keys)
        expect(k).toMatchObject({ kty: "RSA", alg: "RS256", use: "sig", kid: expect.any(String) });
      expect(keys.some((k) => "d" in k)).toBe(false);
    },
  );

  it("no-jwks: discovery works but its jwks_uri answers 404", async () => {
    const { json } = await getJson(`${sb.urls.issuers["no-jwks"]}/.well-known/openid-configuration`);
    expect((await getJson(json.jwks_uri as string)).status).toBe(404);
  });

  it("mints JWTs that verify against the JWKS, with iss/iat/exp/jti on the sandbox clock", async () => {
    const issuer = sb.urls.issuers["github-actions"]!;
    const setAt = Date.now();
    await sb.control.setClock("2030-06-01T00:00:00Z");
    const token = await mint(sb, "github-actions", {
      sub: "repo:a/b:ref:refs/heads/main",
      aud: "x",
      repository: "a/b",
      expiresIn: 120,
    });
    const jwks = (await getJson(`${issuer}/.well-known/jwks`)).json as unknown as JSONWebKeySet;
    const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet(jwks), {
      issuer,
      audience: "x",
      currentDate: new Date("2030-06-01T00:01:00Z"),
    });
    expect(protectedHeader).toMatchObject({ alg: "RS256", typ: "JWT", kid: jwks.keys[0]!.kid });
    expect(payload).toMatchObject({
      sub: "repo:a/b:ref:refs/heads/main",
      repository: "a/b",
      jti: expect.any(String),
    });
    expect(payload.exp! - payload.iat!).toBe(120);
    // The sandbox clock kept running from the time set, by however long this machine took since.
    const sinceSet = Math.ceil((Date.now() - setAt) / 1000);
    expect(payload.iat! - Date.parse("2030-06-01T00:00:00Z") / 1000).toBeGreaterThanOrEqual(0);
    expect(payload.iat! - Date.parse("2030-06-01T00:00:00Z") / 1000).toBeLessThanOrEqual(sinceSet);
    await sb.control.reset();
  });

  it("mints with another published kid, an unpublished kid, or another alg; rejects bad options", async () => {
    const jwks = (await getJson(`${sb.urls.issuers["github-actions"]}/.well-known/jwks`))
      .json as unknown as JSONWebKeySet;
    const second = jwks.keys[1]!.kid!;
    expect(decodeProtectedHeader(await mint(sb, "github-actions", { kid: second })).kid).toBe(second);
    expect(decodeProtectedHeader(await mint(sb, "github-actions", { kid: "gone" })).kid).toBe("gone");
    expect(decodeProtectedHeader(await mint(sb, "kubernetes", { alg: "PS256" })).alg).toBe("PS256");
    expect(decodeProtectedHeader(await mint(sb, "kubernetes", { alg: "none" })).alg).toBe("none");
    const bad = await httpRequest(`${sb.urls.issuers.gitlab}/mint`, {
      method: "POST",
      ca: sb.caPem,
      body: JSON.stringify({ alg: "XX" }),
    });
    expect(bad.status).toBe(400);
    expect(
      (await httpRequest(`${sb.urls.issuers.gitlab}/mint`, { method: "POST", ca: sb.caPem, body: "[1]" }))
        .status,
    ).toBe(400);
    expect(
      (
        await httpRequest(`${sb.urls.issuers.gitlab!.replace("/gitlab", "/nope")}/mint`, {
          method: "POST",
          ca: sb.caPem,
          body: "{}",
        })
      ).status,
    ).toBe(404);
  });
});
