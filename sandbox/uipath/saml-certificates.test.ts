import "@abraham/reflection";
import { createHash } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { issueCertificate } from "../certs/issue-certificate";
import { generateRsaKeyPair } from "../certs/key-pool";
import type { Sandbox } from "../server";
import { UIPATH_ORGS } from "./catalog";
import { startTestSandbox } from "../testing/harness";
import { uipathCall, uipathToken } from "./testing";

const org = UIPATH_ORGS.contoso;
const base = `/contoso/identity_/api/SamlCertificate`;
let sb: Sandbox;
let token: string;
let pem: string;
let expiredPem: string;

beforeAll(async () => {
  sb = await startTestSandbox();
  const keys = await generateRsaKeyPair();
  const make = (from: number, to: number) =>
    issueCertificate({
      subject: "CN=contoso-upload",
      keys,
      notBefore: new Date(Date.now() + from),
      notAfter: new Date(Date.now() + to),
      serialBytes: 20,
      profile: "saml-signing",
    });
  pem = (await make(-86_400_000, 400 * 86_400_000)).pem;
  expiredPem = (await make(-800 * 86_400_000, -86_400_000)).pem;
});
afterAll(() => sb.stop());
beforeEach(async () => {
  await sb.control.reset();
  token = await uipathToken(sb, "contoso");
});

type Pair = {
  partitionGlobalId: string;
  primaryCertificateId: number;
  primaryCertificate: string | null;
  primaryCertificateThumbprint: string | null;
  secondaryCertificateId: number;
  secondaryCertificate: string | null;
  secondaryCertificateThumbprint: string | null;
};

describe("UiPath SAML certificates", () => {
  it("GET returns the pair: base64 DER and the SHA-1 thumbprint of the DER", async () => {
    const res = await uipathCall(sb, token, "GET", `${base}/${org.partitionGlobalId}/certificates`);
    expect(res.status).toBe(200);
    const pair = res.json as Pair;
    expect(pair.partitionGlobalId).toBe(org.partitionGlobalId);
    expect(pair.primaryCertificateId).toBeGreaterThan(0);
    const der = Buffer.from(pair.primaryCertificate!, "base64");
    expect(der[0]).toBe(0x30);
    expect(pair.primaryCertificateThumbprint).toBe(
      createHash("sha1").update(der).digest("hex").toUpperCase(),
    );
    expect(pair.secondaryCertificateId).toBeGreaterThan(0);
  });

  it("an org without certificates returns zero ids and nulls", async () => {
    const t = await uipathToken(sb, "tailspin");
    const res = await uipathCall(
      sb,
      t,
      "GET",
      `/tailspin/identity_/api/SamlCertificate/${UIPATH_ORGS.tailspin.partitionGlobalId}/certificates`,
    );
    expect(res.json).toMatchObject({
      primaryCertificateId: 0,
      primaryCertificate: null,
      secondaryCertificateId: 0,
      secondaryCertificate: null,
    });
  });

  it("uploads a secondary (PEM, with a key block beside it), switches, and deletes", async () => {
    const withKey = `${pem}-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n`;
    const up = await uipathCall(sb, token, "PUT", `${base}/secondary`, {
      partitionGlobalId: org.partitionGlobalId,
      certificate: withKey,
    });
    expect(up.status).toBe(200);
    const pair = up.json as Pair;
    expect(JSON.stringify(pair)).not.toContain("PRIVATE KEY");
    const before = (await uipathCall(sb, token, "GET", `${base}/${org.partitionGlobalId}/certificates`))
      .json as Pair;
    expect(before.secondaryCertificateThumbprint).toBe(pair.secondaryCertificateThumbprint);

    const switched = (
      await uipathCall(sb, token, "POST", `${base}/${org.partitionGlobalId}/switch`, {
        partitionGlobalId: org.partitionGlobalId,
      })
    ).json as Pair;
    expect(switched.primaryCertificateId).toBe(pair.secondaryCertificateId);
    expect(switched.secondaryCertificateId).toBe(pair.primaryCertificateId);

    const del = await uipathCall(
      sb,
      token,
      "DELETE",
      `${base}/${org.partitionGlobalId}/${switched.secondaryCertificateId}`,
    );
    expect(del.status).toBe(200);
    expect(del.json).toBe(true);
    expect(
      (
        await uipathCall(
          sb,
          token,
          "DELETE",
          `${base}/${org.partitionGlobalId}/${switched.secondaryCertificateId}`,
        )
      ).status,
    ).toBe(404);
    const noSecondary = await uipathCall(sb, token, "POST", `${base}/${org.partitionGlobalId}/switch`, {
      partitionGlobalId: org.partitionGlobalId,
    });
    expect(noSecondary.status).toBe(400);
    expect(noSecondary.json).toMatchObject({
      status: 400,
      errors: { secondaryCertificate: [expect.any(String)] },
    });
  });

  it("uploads a primary as bare base64 DER", async () => {
    const b64 = pem.replace(/-----[A-Z ]+-----|\s/g, "");
    const res = await uipathCall(sb, token, "PUT", `${base}/primary`, {
      partitionGlobalId: org.partitionGlobalId,
      certificate: b64,
    });
    expect(res.status).toBe(200);
    expect((res.json as Pair).primaryCertificate).toBe(b64);
  });

  it.each([
    ["not a certificate", { certificate: "hello" }, "certificate"],
    [
      "a PEM with garbage inside",
      { certificate: "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----" },
      "certificate",
    ],
    ["no certificate", { certificate: "" }, "certificate"],
    ["an organization name as partitionGlobalId", { partitionGlobalId: "contoso" }, "partitionGlobalId"],
  ])("refuses %s with a 400 model-state body", async (_label, patch, field) => {
    const res = await uipathCall(sb, token, "PUT", `${base}/secondary`, {
      partitionGlobalId: org.partitionGlobalId,
      certificate: pem,
      ...patch,
    });
    expect(res.status).toBe(400);
    expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect((res.json as { errors: Record<string, string[]> }).errors[field]).toHaveLength(1);
  });

  it("refuses an expired certificate, a non-JSON body (415) and an empty body", async () => {
    expect(
      (
        await uipathCall(sb, token, "PUT", `${base}/secondary`, {
          partitionGlobalId: org.partitionGlobalId,
          certificate: expiredPem,
        })
      ).json,
    ).toMatchObject({
      errors: { certificate: ["The certificate has expired."] },
    });
    const { httpRequest } = await import("../testing/http");
    const form = await httpRequest(`${sb.urls.uipath}${base}/secondary`, {
      method: "PUT",
      headers: { authorization: `Bearer ${token}`, "content-type": "text/plain" },
      body: "x",
    });
    expect(form.status).toBe(415);
    const emptyBody = await httpRequest(`${sb.urls.uipath}${base}/secondary`, {
      method: "PUT",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    });
    expect(emptyBody.status).toBe(400);
  });

  it("scopes, org and partition: 403 without PM.AuthSetting, 404 for another org or partition, 400 for a non-GUID", async () => {
    const oauthOnly = await uipathToken(sb, "contoso", "PM.OAuthApp");
    const forbidden = await uipathCall(sb, oauthOnly, "GET", `${base}/${org.partitionGlobalId}/certificates`);
    expect(forbidden.status).toBe(403);
    expect(forbidden.text).toBe("");
    expect(
      (
        await uipathCall(
          sb,
          token,
          "GET",
          `/fabrikam/identity_/api/SamlCertificate/${org.partitionGlobalId}/certificates`,
        )
      ).status,
    ).toBe(404);
    expect(
      (await uipathCall(sb, token, "GET", `${base}/${UIPATH_ORGS.fabrikam.partitionGlobalId}/certificates`))
        .status,
    ).toBe(404);
    const bad = await uipathCall(sb, token, "GET", `${base}/DatacomGroup/certificates`);
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({
      errors: { partitionGlobalId: ["The value 'DatacomGroup' is not valid."] },
    });
  });

  it("routes case-insensitively, like ASP.NET", async () => {
    expect(
      (
        await uipathCall(
          sb,
          token,
          "GET",
          `/CONTOSO/identity_/api/samlcertificate/${org.partitionGlobalId}/Certificates`,
        )
      ).status,
    ).toBe(200);
  });
});
