import { describe, expect, it } from "vitest";

import { FIXTURE_PEM, HANGING_ROUTE_TIMEOUT_MS, testHttp, sandboxFixture } from "../testing/sandbox-fixture";
import { createUiPathAdapter } from "./adapter";
import { TokenCache } from "./auth";

const sb = sandboxFixture();
const SAML_GET = /\/identity_\/api\/SamlCertificate\/[^/]+\/certificates$/;
const TOKEN = /^\/identity_\/connect\/token$/;
const CREDENTIALS = /\/FederatedCredentials$/;

function setup(sleeps: number[] = [], maxAttempts = 4, timeoutMs?: number) {
  return createUiPathAdapter({ tokens: new TokenCache(), http: testHttp(sleeps, maxAttempts, timeoutMs) });
}

describe("UiPath adapter against the sandbox: operations", () => {
  it("lists and gets the SAML pair", async () => {
    const adapter = setup();
    const conn = sb.conn("uipath", "Contoso");
    const [set] = await adapter.listCertificateSets(conn);
    expect(set).toMatchObject({ id: "saml", kind: "uipath-saml", vendor: "uipath", connectionId: conn.id });
    expect(set?.slots.map((s) => s.slot)).toEqual(["primary", "secondary"]);
    expect(set?.slots.map((s) => s.role)).toEqual(["signs-now", "standby"]);
    expect(set?.slots[1]?.roleExplanation).toMatch(/after you switch/);
    expect(set?.slots[0]?.certificate?.sha256).toMatch(/^[0-9A-F]{64}$/);
    expect(set?.actions).toEqual(["upload-primary", "upload-secondary", "switch", "delete-certificate"]);
    await expect(adapter.getCertificateSet(conn, "saml")).resolves.toMatchObject({ id: "saml" });
    await expect(adapter.getCertificateSet(conn, "other")).rejects.toMatchObject({ kind: "not-found" });
  });

  it("uploads a secondary, switches, and deletes the staged one", async () => {
    const adapter = setup();
    const conn = sb.conn("uipath", "Fabrikam");
    const uploaded = await adapter.actions["upload-secondary"](conn, {
      setId: "saml",
      certificate: FIXTURE_PEM,
    });
    const secondary = uploaded.slots[1];
    expect(secondary?.certificate?.subject).toBeTruthy();
    expect(uploaded.actions).toContain("switch");
    const switched = await adapter.actions.switch(conn, { setId: "saml" });
    expect(switched.slots[0]?.certificate?.sha256).toBe(secondary?.certificate?.sha256);
    const staged = switched.slots[1]?.vendorId;
    expect(staged).toBeTruthy();
    const deleted = await adapter.actions["delete-certificate"](conn, {
      setId: "saml",
      certificateId: staged ?? "",
    });
    expect(deleted.slots[1]?.certificate).toBeNull();
    expect(await sb.count("uipath", "PUT", /SamlCertificate\/secondary$/)).toBe(1);
    expect(await sb.count("uipath", "POST", /\/switch$/)).toBe(1);
  });

  it("refuses an invalid certificate with the vendor's field error", async () => {
    const error = await setup()
      .actions["upload-secondary"](sb.conn("uipath", "Contoso"), {
        setId: "saml",
        certificate: "not a certificate",
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "validation", status: 400, outcome: "not-applied" });
    expect(JSON.stringify(error)).toContain("certificate");
  });

  it("lists external applications without any secret value", async () => {
    const apps = await setup().federatedCredentials.listExternalApplications(sb.conn("uipath", "Contoso"));
    expect(apps.length).toBeGreaterThan(1);
    expect(apps[0]).toEqual(
      expect.objectContaining({
        clientId: expect.any(String),
        isConfidential: expect.any(Boolean),
        scopes: expect.any(Array),
      }),
    );
    expect(JSON.stringify(apps)).not.toMatch(/"secret"/);
  });

  it("creates, reads, updates and deletes a federated credential, each write sent once", async () => {
    const fc = setup().federatedCredentials;
    const conn = sb.conn("uipath", "Contoso");
    const app = (await fc.listExternalApplications(conn)).find((a) => a.name === "Nightly Reports");
    const clientId = app?.clientId ?? "";
    const issuer = sb.sandbox.urls.issuers["github-actions"] ?? "";
    const input = {
      name: "nightly",
      issuer,
      audience: "https://cloud.uipath.com/contoso",
      subject: "repo:contoso/nightly:ref:refs/heads/main",
    };
    const created = await fc.createFederatedCredential(conn, clientId, input);
    expect(created).toMatchObject({ ...input, clientId, description: null });
    await expect(fc.getFederatedCredential(conn, clientId, created.id)).resolves.toEqual(created);
    const updated = await fc.updateFederatedCredential(conn, clientId, created.id, {
      ...input,
      description: "nightly reports",
    });
    expect(updated.description).toBe("nightly reports");
    await fc.deleteFederatedCredential(conn, clientId, created.id);
    await expect(fc.listFederatedCredentials(conn, clientId)).resolves.toEqual([]);
    expect(await sb.count("uipath", "POST", CREDENTIALS)).toBe(1);
    expect(await sb.count("uipath", "PUT", /\/FederatedCredentials\/[^/]+$/)).toBe(1);
    expect(await sb.count("uipath", "DELETE", /\/FederatedCredentials\/[^/]+$/)).toBe(1);
  });

  it("maps a duplicate name to field errors and a missing write scope to a permission error naming it", async () => {
    const fc = setup().federatedCredentials;
    const contoso = sb.conn("uipath", "Contoso");
    const app = (await fc.listExternalApplications(contoso)).find((a) => a.name === "GitHub Deploy");
    const existing = (await fc.listFederatedCredentials(contoso, app?.clientId ?? ""))[0];
    const duplicate = {
      name: existing?.name ?? "",
      issuer: existing?.issuer ?? "",
      audience: "a",
      subject: "b",
    };
    const error = await fc
      .createFederatedCredential(contoso, app?.clientId ?? "", duplicate)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "validation", status: 400 });
    expect(Object.keys((error as { fieldErrors: object }).fieldErrors).length).toBeGreaterThan(0);

    const fabrikam = sb.conn("uipath", "Fabrikam");
    const ops = (await fc.listExternalApplications(fabrikam))[0];
    const forbidden = await fc
      .deleteFederatedCredential(fabrikam, ops?.clientId ?? "", "00000000-0000-0000-0000-000000000000")
      .catch((e: unknown) => e);
    expect(forbidden).toMatchObject({ kind: "permission", status: 403 });
    expect((forbidden as Error & { userMessage: string }).userMessage).toContain("PM.OAuthApp.Write");
  });

  it("exchanges a federated JWT and returns what was granted, never the token", async () => {
    const fc = setup().federatedCredentials;
    const conn = sb.conn("uipath", "Contoso");
    const app = (await fc.listExternalApplications(conn)).find((a) => a.name === "GitHub Deploy");
    const credential = (await fc.listFederatedCredentials(conn, app?.clientId ?? ""))[0];
    const token = await sb.mint(credential?.issuer ?? "", {
      sub: credential?.subject,
      aud: credential?.audience,
    });
    const result = await fc.exchangeFederatedToken(conn, {
      clientId: app?.clientId ?? "",
      assertion: token,
      scope: app?.scopes[0] ?? "",
    });
    expect(result.grantedScopes).toEqual([app?.scopes[0]]);
    expect(result.expiresInSeconds).toBeGreaterThan(3000);
    expect(JSON.stringify(result)).not.toMatch(/access_token|eyJ/);
    const bad = await fc
      .exchangeFederatedToken(conn, {
        clientId: app?.clientId ?? "",
        assertion: `${token.slice(0, -4)}AAAA`,
        scope: app?.scopes[0] ?? "",
      })
      .catch((e: unknown) => e);
    expect(bad).toMatchObject({ kind: "auth", vendorCode: "invalid_client" });
    expect(JSON.stringify(bad)).not.toContain(token.slice(0, 40));
  });

  it("tests a connection: success, wrong secret, wrong organization", async () => {
    const adapter = setup();
    const conn = sb.conn("uipath", "Contoso");
    await expect(adapter.testConnection(conn)).resolves.toMatchObject({ ok: true });
    const wrongSecret = await adapter.testConnection({ ...conn, clientSecret: "wrong" });
    expect(wrongSecret.checks).toEqual([
      expect.objectContaining({
        name: "credentials",
        ok: false,
        message: expect.stringContaining("App secret"),
      }),
    ]);
    const wrongPgid = await adapter.testConnection({
      ...conn,
      partitionGlobalId: "11111111-1111-1111-1111-111111111111",
    });
    expect(wrongPgid.checks[1]).toMatchObject({ name: "permission:PM.AuthSetting", ok: false });
  });
});

describe("UiPath adapter against the sandbox: faults", () => {
  it("retries a 429 honouring Retry-After", async () => {
    const sleeps: number[] = [];
    await sb.control.fault({
      path: "/*/identity_/api/SamlCertificate/*/certificates",
      kind: "rate-limit",
      retryAfter: 2,
      count: 1,
    });
    await expect(setup(sleeps).listCertificateSets(sb.conn("uipath", "Contoso"))).resolves.toHaveLength(1);
    expect(sleeps).toEqual([2000]);
    expect(await sb.count("uipath", "GET", SAML_GET)).toBe(2);
  });

  it("retries a 5xx read, then gives up with unavailable", async () => {
    await sb.control.fault({
      path: "/*/identity_/api/SamlCertificate/*/certificates",
      kind: "status",
      status: 503,
    });
    await expect(setup().listCertificateSets(sb.conn("uipath", "Contoso"))).rejects.toMatchObject({
      kind: "unavailable",
      status: 503,
      retryable: true,
    });
    expect(await sb.count("uipath", "GET", SAML_GET)).toBe(4);
  });

  it("times out a read, and a dropped connection is a lost connection", async () => {
    // Two attempts each: the full retry bound is proven in http.test.ts.
    await sb.control.fault({
      path: "/*/identity_/api/SamlCertificate/*/certificates",
      kind: "timeout",
      delayMs: 3000,
      count: 2,
    });
    await expect(
      setup([], 2, HANGING_ROUTE_TIMEOUT_MS).listCertificateSets(sb.conn("uipath", "Contoso")),
    ).rejects.toMatchObject({ kind: "timeout" });
    await sb.control.fault({
      path: "/*/identity_/api/SamlCertificate/*/certificates",
      kind: "drop",
      count: 2,
    });
    await expect(setup([], 2).listCertificateSets(sb.conn("uipath", "Contoso"))).rejects.toMatchObject({
      kind: "connection-lost",
    });
    expect(await sb.count("uipath", "GET", SAML_GET)).toBe(4);
  });

  it("turns a malformed body into malformed-response", async () => {
    await sb.control.fault({ path: "/*/identity_/api/SamlCertificate/*/certificates", kind: "malformed" });
    await expect(setup().listCertificateSets(sb.conn("uipath", "Contoso"))).rejects.toMatchObject({
      kind: "malformed-response",
    });
  });

  it("never retries a write: 5xx is sent once", async () => {
    await sb.control.fault({
      method: "PUT",
      path: "/*/identity_/api/SamlCertificate/secondary",
      kind: "status",
      status: 502,
    });
    await expect(
      setup().actions["upload-secondary"](sb.conn("uipath", "Contoso"), {
        setId: "saml",
        certificate: FIXTURE_PEM,
      }),
    ).rejects.toMatchObject({ kind: "unavailable", outcome: "not-applied" });
    expect(await sb.count("uipath", "PUT", /SamlCertificate\/secondary$/)).toBe(1);
  });

  it("a lost answer to a create is an ambiguous write, sent once, and re-read as applied", async () => {
    const fc = setup().federatedCredentials;
    const conn = sb.conn("uipath", "Contoso");
    const app = (await fc.listExternalApplications(conn)).find((a) => a.name === "Nightly Reports");
    await sb.control.fault({
      method: "POST",
      path: "/identity_/api/ExternalClient/**",
      kind: "lost-response",
      count: 1,
    });
    const input = {
      name: "lost",
      issuer: sb.sandbox.urls.issuers.gitlab ?? "",
      audience: "aud",
      subject: "sub",
    };
    const error = await fc
      .createFederatedCredential(conn, app?.clientId ?? "", input)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      kind: "ambiguous-write",
      ambiguous: true,
      outcome: "applied",
      retryable: false,
    });
    expect(await sb.count("uipath", "POST", CREDENTIALS)).toBe(1);
  });

  it("a timed-out switch is an ambiguous write, sent once", async () => {
    await sb.control.fault({
      method: "POST",
      path: "/*/identity_/api/SamlCertificate/*/switch",
      kind: "timeout",
      delayMs: 3000,
      count: 1,
    });
    await expect(
      setup([], 4, HANGING_ROUTE_TIMEOUT_MS).actions.switch(sb.conn("uipath", "Contoso"), { setId: "saml" }),
    ).rejects.toMatchObject({ kind: "ambiguous-write" });
    expect(await sb.count("uipath", "POST", /\/switch$/)).toBe(1);
  });

  it("refreshes an expired token once and retries the call once", async () => {
    const adapter = setup();
    const conn = sb.conn("uipath", "Contoso");
    await adapter.listCertificateSets(conn);
    await sb.control.advance(2 * 3600 * 1000); // the sandbox now rejects the cached token
    await expect(adapter.listCertificateSets(conn)).resolves.toHaveLength(1);
    expect(await sb.count("uipath", "POST", TOKEN)).toBe(2);
    expect(await sb.count("uipath", "GET", SAML_GET)).toBe(3);
  });
});
