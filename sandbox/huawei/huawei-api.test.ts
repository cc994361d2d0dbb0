import "@abraham/reflection";
import { createHash } from "node:crypto";
import * as x509 from "@peculiar/x509";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { issueCertificate } from "../certs/issue-certificate";
import { generateRsaKeyPair } from "../certs/key-pool";
import type { Sandbox } from "../server";
import { HUAWEI_CREDENTIALS, HUAWEI_STORES } from "./catalog";
import { startTestSandbox } from "../testing/harness";
import { httpRequest } from "../testing/http";
import { signedRequest, type SigningCredentials } from "./test-signer";

const C = HUAWEI_CREDENTIALS;
const sg = HUAWEI_STORES.acmeSingapore;
const mgmt: SigningCredentials = C.acmeManagement;
let sb: Sandbox;
let pem: string;

beforeAll(async () => {
  sb = await startTestSandbox();
  const keys = await generateRsaKeyPair();
  pem = (
    await issueCertificate({
      subject: "CN=new-idp",
      keys,
      notBefore: new Date(Date.now() - 86_400_000),
      notAfter: new Date(Date.now() + 400 * 86_400_000),
      serialBytes: 16,
      profile: "saml-signing",
    })
  ).pem;
});
afterAll(() => sb.stop());
beforeEach(() => sb.control.reset());

const url = (path: string) => `${sb.urls.huawei}${path}`;
const spPath = (store = sg.id) => `/v1/identity-stores/${store}/saml-certificates`;
const idpPath = (idp: string, store = sg.id) =>
  `/v1/identity-stores/${store}/external-idp/${idp}/certificate`;
type Sp = {
  certificate_id: string;
  x509certificate: string;
  algorithm: string;
  expiry_date: number;
  state: string;
};
type Err = {
  error_code: string;
  error_msg: string;
  request_id: string;
  encoded_authorization_message?: string;
};

describe("Huawei SP certificates", () => {
  it("lists a bare array with ACTIVE, INACTIVE and clock-derived EXPIRED states, X-Request-Id on the response", async () => {
    const res = await signedRequest(url(spPath()), mgmt);
    expect(res.status).toBe(200);
    expect(res.headers["x-request-id"]).toMatch(/^[0-9a-f]{32}$/);
    const list = res.json as Sp[];
    expect(Array.isArray(list)).toBe(true);
    expect(list.map((c) => c.state)).toEqual(["ACTIVE", "INACTIVE", "EXPIRED"]);
    expect(list[0]!.x509certificate).toMatch(/^-----BEGIN CERTIFICATE-----\r\n/);
  });

  it("creates 201 INACTIVE: RSA-2048, SHA256withRSA, expiry_date in ms matching the certificate", async () => {
    const res = await signedRequest(url(spPath()), mgmt, { method: "POST" });
    expect(res.status).toBe(201);
    const dto = res.json as Sp;
    expect(dto).toMatchObject({
      algorithm: "SHA256withRSA",
      state: "INACTIVE",
      certificate_id: expect.stringMatching(/^cer-/),
    });
    const cert = new x509.X509Certificate(dto.x509certificate);
    expect(cert.publicKey.algorithm).toMatchObject({ modulusLength: 2048 });
    expect(cert.notAfter.getTime()).toBe(dto.expiry_date);
    expect(((await signedRequest(url(spPath()), mgmt)).json as Sp[]).length).toBe(4);
  });

  it("activates one (the others become INACTIVE); deleting the active one is 400 IIC.1712; unknown is 404 IIC.404", async () => {
    const list = (await signedRequest(url(spPath()), mgmt)).json as Sp[];
    const inactive = list[1]!;
    const act = await signedRequest(url(`${spPath()}/${inactive.certificate_id}/active`), mgmt, {
      method: "POST",
    });
    expect(act.status).toBe(200);
    expect(act.text).toBe("");
    const after = (await signedRequest(url(spPath()), mgmt)).json as Sp[];
    expect(after.map((c) => c.state)).toEqual(["INACTIVE", "ACTIVE", "EXPIRED"]);
    const refused = await signedRequest(url(`${spPath()}/${inactive.certificate_id}`), mgmt, {
      method: "DELETE",
    });
    expect(refused.status).toBe(400);
    expect((refused.json as Err).error_code).toBe("IIC.1712");
    expect((refused.json as Err).request_id).toBe(refused.headers["x-request-id"]);
    const del = await signedRequest(url(`${spPath()}/${list[0]!.certificate_id}`), mgmt, {
      method: "DELETE",
    });
    expect(del.status).toBe(200);
    expect(del.text).toBe("");
    const missing = await signedRequest(url(`${spPath()}/cer-unknown`), mgmt, { method: "DELETE" });
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ error_code: "IIC.404" });
    expect(
      (await signedRequest(url(`${spPath()}/${list[2]!.certificate_id}/active`), mgmt, { method: "POST" }))
        .json,
    ).toMatchObject({ error_code: "IIC.400" });
  });

  it("turns the active certificate EXPIRED when the sandbox clock passes its expiry", async () => {
    await sb.control.advance(21 * 86_400_000);
    const list = (await signedRequest(url(spPath()), mgmt, { date: await sb.control.now() })).json as Sp[];
    expect(list[0]!.state).toBe("EXPIRED");
  });
});

describe("Huawei external IdPs and their certificates", () => {
  const okta = sg.idps[0]!;
  type IdpCert = {
    certificate_id: string;
    x509_Certificate_in_pem: string;
    not_after: number;
    serial_number_string: string;
    signature_algorithm_name: string;
    subject_name: string;
  };

  it("lists IdPs with certificate ids and statuses", async () => {
    const res = await signedRequest(url(`/v1/identity-stores/${sg.id}/external-idp`), mgmt);
    expect(res.json).toMatchObject({
      associations: [
        {
          idp_id: okta.id,
          is_enabled: true,
          idp_saml_config: { entity_id: okta.entityId },
          idp_certificate_ids: [{ status: "ACTIVE" }, { status: "ACTIVE" }],
        },
        {
          idp_id: sg.idps[1]!.id,
          is_enabled: false,
          idp_certificate_ids: [{ status: "EXPIRED" }, { status: "ACTIVE" }],
        },
      ],
    });
  });

  it("lists certificates with the x509_Certificate_in_pem key (capital C)", async () => {
    const res = await signedRequest(url(idpPath(okta.id)), mgmt);
    const certs = (res.json as { idp_certificates: IdpCert[] }).idp_certificates;
    expect(certs).toHaveLength(2);
    const parsed = new x509.X509Certificate(certs[0]!.x509_Certificate_in_pem);
    expect(certs[0]!.not_after).toBe(parsed.notAfter.getTime());
    expect(certs[0]!.serial_number_string).toBe(BigInt(`0x${parsed.serialNumber}`).toString());
    expect(certs[0]!.signature_algorithm_name).toBe("SHA256withRSA");
    expect(certs[0]!.subject_name).toContain("O=Okta");
  });

  it("imports with certificate_use SIGNING → 200 {certificate_id}; refuses bad PEM, other uses, duplicates", async () => {
    const ok = await signedRequest(url(idpPath(okta.id)), mgmt, {
      method: "POST",
      body: JSON.stringify({
        x509_certificate_in_pem: `${pem.replace(/\n/g, "\r\n")}`,
        certificate_use: "SIGNING",
      }),
    });
    expect(ok.status).toBe(200);
    expect(Object.keys(ok.json as object)).toEqual(["certificate_id"]);
    const dup = await signedRequest(url(idpPath(okta.id)), mgmt, {
      method: "POST",
      body: JSON.stringify({ x509_certificate_in_pem: pem, certificate_use: "SIGNING" }),
    });
    expect(dup.status).toBe(400);
    const bad = await signedRequest(url(idpPath(okta.id)), mgmt, {
      method: "POST",
      body: JSON.stringify({
        x509_certificate_in_pem: "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----",
        certificate_use: "SIGNING",
      }),
    });
    expect(bad.json).toMatchObject({
      error_code: "IIC.400",
      error_msg: "Bad Request: x509_certificate_in_pem",
    });
    const two = await signedRequest(url(idpPath(okta.id)), mgmt, {
      method: "POST",
      body: JSON.stringify({ x509_certificate_in_pem: pem + pem, certificate_use: "SIGNING" }),
    });
    expect(two.status).toBe(400);
    const use = await signedRequest(url(idpPath(okta.id)), mgmt, {
      method: "POST",
      body: JSON.stringify({ x509_certificate_in_pem: pem, certificate_use: "ENCRYPTION" }),
    });
    expect(use.json).toMatchObject({ error_code: "IIC.400", error_msg: "Bad Request: certificate_use" });
    expect((await signedRequest(url(idpPath("no-such-idp")), mgmt)).json).toMatchObject({
      error_code: "IIC.404",
    });
  });

  it("refuses to delete the last valid certificate (IIC.1712) but deletes an expired one", async () => {
    const keycloak = HUAWEI_STORES.globexCapeTown.idps[0]!;
    const store = HUAWEI_STORES.globexCapeTown.id;
    const creds = C.globexDelegated;
    const only = (
      (await signedRequest(url(idpPath(keycloak.id, store)), creds)).json as { idp_certificates: IdpCert[] }
    ).idp_certificates[0]!;
    const refused = await signedRequest(url(`${idpPath(keycloak.id, store)}/${only.certificate_id}`), creds, {
      method: "DELETE",
    });
    expect(refused.status).toBe(400);
    expect(refused.json).toMatchObject({ error_code: "IIC.1712" });
    const adfs = sg.idps[1]!;
    const certs = ((await signedRequest(url(idpPath(adfs.id)), mgmt)).json as { idp_certificates: IdpCert[] })
      .idp_certificates;
    const expired = certs.find((c) => c.not_after < Date.now())!;
    expect(
      (await signedRequest(url(`${idpPath(adfs.id)}/${expired.certificate_id}`), mgmt, { method: "DELETE" }))
        .status,
    ).toBe(200);
    const valid = certs.find((c) => c !== expired)!;
    expect(
      (await signedRequest(url(`${idpPath(adfs.id)}/${valid.certificate_id}`), mgmt, { method: "DELETE" }))
        .json,
    ).toMatchObject({ error_code: "IIC.1712" });
  });
});

describe("Huawei AK/SK gateway", () => {
  it("verifies signatures over the client's own SignedHeaders (including host with its port)", async () => {
    const minimal = await signedRequest(url(spPath()), mgmt, { signedHeaders: ["x-sdk-date"] });
    expect(minimal.status).toBe(200);
    const withQuery = await signedRequest(url(`${spPath()}?limit=10&marker=a%20b`), mgmt);
    expect(withQuery.status).toBe(200);
  });

  it("401 APIGW.0301 with the canonical request for a wrong signature; for a wrong host; for a changed body", async () => {
    const wrong = await signedRequest(url(spPath()), { ...mgmt, secretKey: "x".repeat(40) });
    expect(wrong.status).toBe(401);
    const err = wrong.json as Err;
    expect(err.error_code).toBe("APIGW.0301");
    expect(err.error_msg).toMatch(
      /^Incorrect IAM authentication information: verify aksk signature fail, canonicalRequest:GET\|\/v1\/identity-stores\/.+\/saml-certificates\/\|\|/,
    );
    expect(err.request_id).toBe(wrong.headers["x-request-id"]);
    // Signed without the port, sent (as every HTTP client does) with it.
    const hostWithoutPort = await signedRequest(url(spPath()), mgmt, {
      headers: { host: "127.0.0.1" },
      tamper: { headers: { host: new URL(sb.urls.huawei).host } },
    });
    expect(hostWithoutPort.status).toBe(401);
    const body = JSON.stringify({ x509_certificate_in_pem: pem, certificate_use: "SIGNING" });
    const changed = await signedRequest(url(idpPath(sg.idps[0]!.id)), mgmt, {
      method: "POST",
      body,
      tamper: { body: `${body}\n` },
    });
    expect(changed.status).toBe(401);
    expect((changed.json as Err).error_msg).toContain(createHash("sha256").update(`${body}\n`).digest("hex"));
  });

  it("enforces the ±15 minute X-Sdk-Date window on the sandbox clock", async () => {
    const now = await sb.control.now();
    expect(
      (await signedRequest(url(spPath()), mgmt, { date: new Date(now.getTime() - 14 * 60_000) })).status,
    ).toBe(200);
    const late = await signedRequest(url(spPath()), mgmt, { date: new Date(now.getTime() - 16 * 60_000) });
    expect(late.status).toBe(401);
    expect((late.json as Err).error_msg).toMatch(
      /signature expired, signature time:\d{8}T\d{6}Z,server time:\d{8}T\d{6}Z$/,
    );
    await sb.control.advance(3600_000);
    expect((await signedRequest(url(spPath()), mgmt)).status).toBe(401);
  });

  it("temporary credentials need their X-Security-Token and expire", async () => {
    const temp = C.acmeTemporary;
    const bj = HUAWEI_STORES.acmeBeijing.id;
    expect((await signedRequest(url(spPath(bj)), temp)).status).toBe(200);
    expect((await signedRequest(url(spPath(bj)), { ...temp, securityToken: undefined })).status).toBe(401);
    expect((await signedRequest(url(spPath(bj)), { ...temp, securityToken: "wrong" })).status).toBe(401);
    const later = await sb.control.advance(25 * 3600_000);
    const expired = await signedRequest(url(spPath(bj)), temp, { date: later });
    expect(expired.status).toBe(401);
    expect((expired.json as Err).error_msg).toMatch(/expired/);
  });

  it("member AK → 403 IIC.1000 with encoded_authorization_message; another account's store → 404", async () => {
    const member = await signedRequest(url(spPath()), C.acmeMember);
    expect(member.status).toBe(403);
    const err = member.json as Err;
    expect(err.error_code).toBe("IIC.1000");
    expect(err.encoded_authorization_message).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect((await signedRequest(url(spPath()), C.globexDelegated)).json).toMatchObject({
      error_code: "IIC.404",
    });
  });

  it("missing Authorization, malformed Authorization and unknown routes", async () => {
    const none = await httpRequest(url(spPath()));
    expect(none.status).toBe(401);
    expect(none.json).toMatchObject({ error_code: "APIGW.0301" });
    const malformed = await httpRequest(url(spPath()), {
      headers: {
        authorization: "SDK-HMAC-SHA256, Access=A, SignedHeaders=x-sdk-date, Signature=00",
        "x-sdk-date": "20260101T000000Z",
      },
    });
    expect(malformed.status).toBe(401);
    const unknown = await signedRequest(url("/v1/nothing"), mgmt);
    expect(unknown.status).toBe(404);
    expect(unknown.json).toMatchObject({ error_code: "APIGW.0101" });
  });

  it("discovers instances and regions for the caller's account", async () => {
    const inst = await signedRequest(url("/v1/instances"), mgmt);
    expect(inst.json).toMatchObject({
      instances: [{ identity_store_id: sg.id }, { identity_store_id: HUAWEI_STORES.acmeBeijing.id }],
      page_info: { current_count: 2 },
    });
    expect((await signedRequest(url("/v1/registered-regions"), mgmt)).json).toEqual({
      regions: [{ region_id: "ap-southeast-1" }, { region_id: "cn-north-4" }],
    });
  });
});
