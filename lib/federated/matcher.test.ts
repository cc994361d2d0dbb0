import { describe, expect, it } from "vitest";
import { failurePointOf } from "./exchange-error";
import type { IssuerKeys } from "./jwks";
import { decodeJwt, type DecodedJwt } from "./jwt";
import { verdictFor, verdictsFor, type ClaimName, type CredentialLike } from "./matcher";
import { relativeTime } from "./time-words";

const ISS = "https://token.actions.githubusercontent.com";
const NOW = 1_800_000_000;
const credential: CredentialLike = {
  id: "c1",
  name: "main",
  issuer: ISS,
  audience: "https://cloud.uipath.com/contoso",
  subject: "repo:contoso/robots:ref:refs/heads/main",
};
const keys: IssuerKeys = {
  ok: true,
  issuer: ISS,
  keys: [
    { kid: "k1", kty: "RSA", alg: "RS256", use: "sig" },
    { kid: "k2", kty: "RSA", alg: null, use: null },
  ],
};

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
function token(
  payload: Record<string, unknown>,
  header: Record<string, unknown> = { alg: "RS256", kid: "k1" },
  signature = "c2ln",
): string {
  return `${b64(header)}.${b64(payload)}.${signature}`;
}
const claims = { iss: ISS, aud: credential.audience, sub: credential.subject, iat: NOW - 60, exp: NOW + 240 };
function decoded(payload: Record<string, unknown> = claims, header?: Record<string, unknown>): DecodedJwt {
  const result = decodeJwt(token(payload, header));
  if (!result.ok) throw new Error(result.message);
  return result.jwt;
}
const verdict = (
  payload: Record<string, unknown>,
  header?: Record<string, unknown>,
  k: IssuerKeys | undefined = keys,
) => verdictFor(decoded(payload, header), credential, { nowSeconds: NOW, keys: k });
const check = (
  claim: ClaimName,
  payload: Record<string, unknown>,
  header?: Record<string, unknown>,
  k?: IssuerKeys,
) => verdict(payload, header, k).checks.find((c) => c.claim === claim)!;

describe("decoding a pasted JWT", () => {
  it("decodes header and payload and measures the size", () => {
    const t = token(claims);
    const result = decodeJwt(`  Bearer ${t}\n`);
    expect(result).toMatchObject({
      ok: true,
      token: t,
      jwt: {
        header: { alg: "RS256" },
        payload: { sub: credential.subject },
        sizeBytes: t.length,
        hasSignature: true,
      },
    });
  });
  it.each([
    ["", "Paste a JWT"],
    ["a.b", "this has 2"],
    ["a.b.c.d.e", "encrypted JWT"],
    ["a+b.c.d", "header contains characters that are not base64url"],
    [`${b64([1])}.${b64({})}.x`, "header is not a JSON object"],
    [`${b64({ alg: "RS256" })}.%%%.x`, "payload contains characters"],
    [`${b64({ alg: "RS256" })}.bm90IGpzb24.x`, "payload is not a JSON object"],
  ])("refuses %j with a reason", (input, message) => {
    const result = decodeJwt(input);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.message).toContain(message);
  });
});

describe("claim-by-claim verdict, with near-miss explanations", () => {
  it("passes a token that matches", () => {
    const v = verdict(claims);
    expect(v).toMatchObject({ matches: true, failing: [] });
    expect(v.checks.map((c) => `${c.claim}:${c.status}`)).toEqual([
      "iss:pass",
      "aud:pass",
      "sub:pass",
      "exp:pass",
      "nbf:pass",
      "alg:pass",
      "kid:pass",
      "size:pass",
    ]);
    expect(v.checks.find((c) => c.claim === "exp")?.message).toContain("Expires in 4 min");
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown> | undefined, ClaimName, string]>([
    [
      "sub differs only in case",
      { ...claims, sub: "repo:Contoso/robots:ref:refs/heads/main" },
      undefined,
      "sub",
      "sub differs only in case",
    ],
    [
      "sub has a trailing space",
      { ...claims, sub: `${credential.subject} ` },
      undefined,
      "sub",
      "differs only by spaces",
    ],
    [
      "branch token, environment credential",
      { ...claims, sub: "repo:contoso/robots:environment:prod" },
      undefined,
      "sub",
      "the token says “environment:prod”, the credential expects “ref:refs/heads/main”",
    ],
    [
      "another branch",
      { ...claims, sub: "repo:contoso/robots:ref:refs/heads/dev" },
      undefined,
      "sub",
      "the token says “refs/heads/dev”",
    ],
    ["sub missing", { ...claims, sub: undefined }, undefined, "sub", "no sub claim"],
    [
      "iss with trailing slash",
      { ...claims, iss: `${ISS}/` },
      undefined,
      "iss",
      "iss differs only by a trailing slash",
    ],
    [
      "iss in other case",
      { ...claims, iss: ISS.toUpperCase() },
      undefined,
      "iss",
      "iss differs only in case",
    ],
    [
      "iss over http",
      { ...claims, iss: ISS.replace("https", "http") },
      undefined,
      "iss",
      "only in its scheme",
    ],
    [
      "aud in other case",
      { ...claims, aud: "https://cloud.uipath.com/Contoso" },
      undefined,
      "aud",
      "aud differs only in case",
    ],
    [
      "aud array without it",
      { ...claims, aud: ["a", "b"] },
      undefined,
      "aud",
      "None of the token's 2 audiences",
    ],
    ["aud missing", { ...claims, aud: undefined }, undefined, "aud", "no aud claim"],
    ["expired long ago", { ...claims, exp: NOW - 3600 }, undefined, "exp", "Expired 1 h ago"],
    ["no exp", { ...claims, exp: undefined }, undefined, "exp", "no exp claim"],
    ["not valid yet", { ...claims, nbf: NOW + 3600 }, undefined, "nbf", "Not valid until in 1 h"],
    ["ES256", claims, { alg: "ES256", kid: "k1" }, "alg", "Signed with ES256; UiPath accepts RS256 only."],
    ["unsigned", claims, { alg: "none" }, "alg", "not signed"],
    [
      "unknown kid",
      claims,
      { alg: "RS256", kid: "rogue" },
      "kid",
      "kid “rogue” is not among the issuer's 2 published keys",
    ],
    ["oversized", { ...claims, pad: "x".repeat(9000) }, undefined, "size", "over 8 KB"],
  ])("%s", (_name, payload, header, claim, message) => {
    const v = verdict(payload, header);
    expect(v.matches).toBe(false);
    expect(v.failing).toContain(claim);
    expect(v.checks.find((c) => c.claim === claim)?.message).toContain(message);
  });

  it("passes with a warning inside the clock-skew allowance", () => {
    expect(check("exp", { ...claims, exp: NOW - 60 })).toMatchObject({ status: "warn" });
    expect(verdict({ ...claims, exp: NOW - 60 }).matches).toBe(true);
    expect(check("nbf", { ...claims, nbf: NOW + 60 })).toMatchObject({ status: "warn" });
  });

  it("reports kid as pending while keys load, failed when unreadable, skipped for another issuer", () => {
    expect(
      verdictFor(decoded(), credential, { nowSeconds: NOW }).checks.find((c) => c.claim === "kid")?.status,
    ).toBe("pending");
    expect(
      check("kid", claims, undefined, { ok: false, issuer: ISS, message: "HTTP 404 at …/jwks" }),
    ).toMatchObject({ status: "fail", message: expect.stringContaining("HTTP 404") });
    expect(check("kid", { ...claims, iss: "https://gitlab.com" })).toMatchObject({ status: "skip" });
    expect(
      check(
        "kid",
        claims,
        { alg: "RS256" },
        { ok: true, issuer: ISS, keys: keys.ok ? keys.keys.slice(0, 1) : [] },
      ),
    ).toMatchObject({ status: "pass" });
    expect(check("kid", claims, { alg: "RS256" })).toMatchObject({ status: "warn" });
    expect(
      check(
        "kid",
        claims,
        { alg: "RS256", kid: "ec" },
        { ok: true, issuer: ISS, keys: [{ kid: "ec", kty: "EC", alg: "ES256", use: "sig" }] },
      ),
    ).toMatchObject({ status: "fail", message: expect.stringContaining("RSA key") });
  });

  it("orders verdicts: matches first, then the nearest misses", () => {
    const others: CredentialLike[] = [
      { ...credential, id: "far", issuer: "https://gitlab.com", subject: "x" },
      { ...credential, id: "near", subject: "repo:contoso/robots:environment:prod" },
      credential,
    ];
    expect(verdictsFor(decoded(), others, { nowSeconds: NOW, keys }).map((v) => v.credentialId)).toEqual([
      "c1",
      "near",
      "far",
    ]);
  });
});

describe("times in words and vendor errors mapped to claims", () => {
  it.each([
    [NOW + 240, "in 4 min"],
    [NOW - 30, "30 s ago"],
    [NOW + 3 * 3600 + 600, "in 3 h 10 min"],
    [NOW - 5 * 86_400, "5 days ago"],
    [NOW, "now"],
    [NOW + 3599, "in 1 h"],
    [NOW + 3569, "in 59 min"],
  ])("%i → %s", (at, words) => {
    expect(relativeTime(at, NOW)).toBe(words);
  });

  it.each([
    ["invalid_client", "The assertion subject does not match any federated credential.", "sub"],
    ["invalid_client", "The assertion audience does not match the federated credential.", "aud"],
    ["invalid_client", "No federated credential of this client matches the assertion issuer.", "iss"],
    ["invalid_client", "The client assertion has expired.", "exp"],
    ["invalid_client", "The client assertion signature is invalid.", "signature"],
    ["invalid_client", "No key of the issuer's JWKS matches the assertion kid.", "kid"],
    ["invalid_client", "The client assertion is signed with 'ES256'; only RS256 is accepted.", "alg"],
    ["invalid_client", "The client assertion exceeds the maximum size of 8 KB.", "size"],
    ["invalid_scope", undefined, "scope"],
    ["unauthorized_client", undefined, "client"],
    ["invalid_client", undefined, null],
  ])("%s %s → %s", (code, description, point) => {
    expect(failurePointOf(code, description)).toBe(point);
  });
});
