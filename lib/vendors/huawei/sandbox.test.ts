import { describe, expect, it } from "vitest";

// A member account's AK/SK (denied by IAM) exists only in the sandbox's catalog.
import { HUAWEI_CREDENTIALS } from "@/sandbox/huawei/catalog";
import { FIXTURE_PEM, HANGING_ROUTE_TIMEOUT_MS, sandboxFixture, testHttp } from "../testing/sandbox-fixture";
import { createHuaweiAdapter } from "./adapter";

const sb = sandboxFixture();
const SP = /\/saml-certificates$/;
const SP_GLOB = "/v1/identity-stores/*/saml-certificates";

function setup(sleeps: number[] = [], maxAttempts = 4, timeoutMs?: number) {
  return createHuaweiAdapter({ http: testHttp(sleeps, maxAttempts, timeoutMs) });
}

describe("Huawei adapter against the sandbox: operations", () => {
  it("lists the SP set and one set per external IdP", async () => {
    const sets = await setup().listCertificateSets(sb.conn("huawei", "Singapore"));
    const sp = sets[0];
    expect(sp).toMatchObject({ id: "sp", kind: "huawei-sp" });
    expect(sp?.slots.map((s) => s.state)).toEqual(["ACTIVE", "INACTIVE", "EXPIRED"]);
    // Roles from the vendor's states; every IdP certificate is trusted to validate.
    expect(sp?.slots.map((s) => s.role)).toEqual(["signs-now", "inactive", "expired-at-vendor"]);
    expect(sets.slice(1).every((s) => s.slots.every((slot) => slot.role === "trusted-for-validation"))).toBe(
      true,
    );
    expect(sp?.slots[0]?.actions).toEqual([]);
    expect(sp?.slots[1]?.actions).toEqual(["activate", "delete-certificate"]);
    expect(sets.slice(1).every((s) => s.kind === "huawei-idp" && s.id.startsWith("idp:"))).toBe(true);
    expect(sets.slice(1).every((s) => s.slots.every((slot) => slot.certificate !== null))).toBe(true);
  });

  it("creates an SP certificate (INACTIVE), activates it, and deletes the old one", async () => {
    const adapter = setup();
    const conn = sb.conn("huawei", "Singapore");
    const created = await adapter.actions["create-sp-certificate"](conn, { setId: "sp" });
    expect(created.slots).toHaveLength(4);
    const fresh = created.slots.find(
      (s) => s.state === "INACTIVE" && s.certificate?.notAfter && s.certificate.notAfter > "2030",
    );
    const oldActive = created.slots.find((s) => s.state === "ACTIVE");
    const activated = await adapter.actions.activate(conn, {
      setId: "sp",
      certificateId: fresh?.vendorId ?? "",
    });
    expect(activated.slots.find((s) => s.vendorId === fresh?.vendorId)?.state).toBe("ACTIVE");
    const deleted = await adapter.actions["delete-certificate"](conn, {
      setId: "sp",
      certificateId: oldActive?.vendorId ?? "",
    });
    expect(deleted.slots.some((s) => s.vendorId === oldActive?.vendorId)).toBe(false);
    expect(await sb.count("huawei", "POST", SP)).toBe(1);
  });

  it("refuses to delete the active SP certificate (IIC.1712) as a validation error", async () => {
    const adapter = setup();
    const conn = sb.conn("huawei", "Singapore");
    const [sp] = await adapter.listCertificateSets(conn);
    const active = sp?.slots.find((s) => s.state === "ACTIVE");
    const error = await adapter.actions["delete-certificate"](conn, {
      setId: "sp",
      certificateId: active?.vendorId ?? "",
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      kind: "validation",
      status: 400,
      vendorCode: "IIC.1712",
      requestId: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
  });

  it("imports an IdP certificate and deletes it again, with temporary credentials", async () => {
    const adapter = setup();
    const conn = sb.conn("huawei", "temporary");
    expect(conn.securityToken).toBeTruthy();
    const idpSet = (await adapter.listCertificateSets(conn)).find((s) => s.kind === "huawei-idp");
    const imported = await adapter.actions["import-idp-certificate"](conn, {
      setId: idpSet?.id ?? "",
      pem: FIXTURE_PEM,
    });
    expect(imported.slots).toHaveLength((idpSet?.slots.length ?? 0) + 1);
    const added = imported.slots.find((s) => !idpSet?.slots.some((o) => o.vendorId === s.vendorId));
    expect(imported.actions).toContain("delete-certificate");
    const after = await adapter.actions["delete-certificate"](conn, {
      setId: idpSet?.id ?? "",
      certificateId: added?.vendorId ?? "",
    });
    expect(after.slots).toHaveLength(idpSet?.slots.length ?? 0);
  });

  it("refuses something that is not one certificate before sending anything", async () => {
    const conn = sb.conn("huawei", "Singapore");
    const idpSet = (await setup().listCertificateSets(conn)).find((s) => s.kind === "huawei-idp");
    const key =
      "-----BEGIN CERTIFICATE-----\nMIIBVQIBADANBgkqhkiG9w0BAQEFAASCAT8wggE7AgEAAkEA\n-----END CERTIFICATE-----";
    await expect(
      setup().actions["import-idp-certificate"](conn, { setId: idpSet?.id ?? "", pem: key }),
    ).rejects.toMatchObject({ kind: "validation" });
    expect(await sb.count("huawei", "POST", /\/certificate$/)).toBe(0);
  });

  it("tests a connection: success, wrong secret key, member account, wrong identity store", async () => {
    const adapter = setup();
    const conn = sb.conn("huawei", "Singapore");
    await expect(adapter.testConnection(conn)).resolves.toMatchObject({ ok: true });
    const wrongKey = await adapter.testConnection({ ...conn, secretAccessKey: "x".repeat(40) });
    expect(wrongKey.checks[0]).toMatchObject({
      ok: false,
      message: expect.stringContaining("secret access key"),
    });
    expect(JSON.stringify(wrongKey)).not.toMatch(/canonicalRequest:GET/);
    const member = await adapter.testConnection({
      ...conn,
      accessKeyId: HUAWEI_CREDENTIALS.acmeMember.accessKey,
      secretAccessKey: HUAWEI_CREDENTIALS.acmeMember.secretKey,
    });
    expect(member.checks[0]).toMatchObject({
      ok: false,
      message: expect.stringContaining("IdentityCenter:serviceProvider:listCertificates"),
    });
    const wrongStore = await adapter.testConnection({ ...conn, identityStoreId: "d-0000000000" });
    expect(wrongStore.checks[0]).toMatchObject({
      ok: false,
      message: expect.stringContaining("d-0000000000"),
    });
  });
});

describe("Huawei adapter against the sandbox: faults", () => {
  it("retries a 429 honouring Retry-After, signing every attempt afresh", async () => {
    const sleeps: number[] = [];
    await sb.control.fault({ method: "GET", path: SP_GLOB, kind: "rate-limit", retryAfter: 2, count: 2 });
    await expect(
      setup(sleeps).getCertificateSet(sb.conn("huawei", "Singapore"), "sp"),
    ).resolves.toMatchObject({ id: "sp" });
    expect(sleeps).toEqual([2000, 2000]);
    expect(await sb.count("huawei", "GET", SP)).toBe(3);
  });

  it("retries 5xx reads and reports unavailable; times out; drops; malformed", async () => {
    const conn = sb.conn("huawei", "Singapore");
    // Faults without a count apply to every matching request, so a straggler from an earlier
    // test (possible on a loaded machine) cannot use one up; each is cleared before the next.
    const withFault = async (
      fault: Parameters<typeof sb.control.fault>[0],
      run: () => Promise<unknown>,
      expected: Record<string, unknown>,
    ) => {
      await sb.control.fault(fault);
      await expect(run()).rejects.toMatchObject(expected);
      await sb.control.clearFaults();
    };
    await withFault(
      { method: "GET", path: SP_GLOB, kind: "status", status: 503 },
      () => setup().getCertificateSet(conn, "sp"),
      { kind: "unavailable", status: 503 },
    );
    await withFault(
      { method: "GET", path: SP_GLOB, kind: "timeout", delayMs: 3000 },
      () => setup([], 2, HANGING_ROUTE_TIMEOUT_MS).getCertificateSet(conn, "sp"),
      { kind: "timeout" },
    );
    await withFault(
      { method: "GET", path: SP_GLOB, kind: "drop" },
      () => setup([], 2).getCertificateSet(conn, "sp"),
      { kind: "connection-lost" },
    );
    await withFault(
      { method: "GET", path: SP_GLOB, kind: "malformed" },
      () => setup().getCertificateSet(conn, "sp"),
      { kind: "malformed-response" },
    );
  });

  it("never retries a write: 5xx on create is sent once", async () => {
    await sb.control.fault({ method: "POST", path: SP_GLOB, kind: "status", status: 500 });
    await expect(
      setup().actions["create-sp-certificate"](sb.conn("huawei", "Singapore"), { setId: "sp" }),
    ).rejects.toMatchObject({ kind: "unavailable", outcome: "not-applied" });
    expect(await sb.count("huawei", "POST", SP)).toBe(1);
  });

  it("a lost answer to a create is an ambiguous write, sent once, re-read as applied", async () => {
    await sb.control.fault({ method: "POST", path: SP_GLOB, kind: "lost-response", count: 1 });
    const error = await setup()
      .actions["create-sp-certificate"](sb.conn("huawei", "Singapore"), { setId: "sp" })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "ambiguous-write", ambiguous: true, outcome: "applied" });
    expect(await sb.count("huawei", "POST", SP)).toBe(1);
  });

  it("corrects clock skew once from the gateway's 'signature expired' answer, writes included", async () => {
    const conn = { ...sb.conn("huawei", "Singapore"), id: "huawei-skewed" };
    await sb.control.setClock(new Date(Date.now() + 40 * 60_000));
    const adapter = setup();
    await expect(adapter.actions["create-sp-certificate"](conn, { setId: "sp" })).resolves.toMatchObject({
      id: "sp",
    });
    const log = await sb.control.requests("huawei");
    // The GET before the create met the 401 and was re-signed; the create itself was sent once.
    expect(log.map((r) => `${r.method} ${r.status}`).slice(0, 3)).toEqual(["GET 401", "GET 200", "POST 201"]);
    const result = await adapter.testConnection(conn);
    expect(result.checks.at(-1)).toMatchObject({
      name: "clock",
      message: expect.stringContaining("40 minutes behind"),
    });
  });
});
