import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../server";
import { CLOUDFLARE_ACCOUNTS, CLOUDFLARE_TOKENS } from "../cloudflare/catalog";
import { HUAWEI_CREDENTIALS, HUAWEI_STORES } from "../huawei/catalog";
import { cloudflareCall } from "../cloudflare/testing";
import { startTestSandbox } from "../testing/harness";
import { uipathCall, uipathToken } from "../uipath/testing";
import { httpRequest } from "../testing/http";
import { signedRequest } from "../huawei/test-signer";

const acme = CLOUDFLARE_ACCOUNTS.acme;
const token = CLOUDFLARE_TOKENS.acme.value;
const list = `/accounts/${acme.id}/access/saml_certificates`;
/** Fault paths match the full request path, /client/v4 included. */
const fullList = `/client/v4${list}`;
const rotate = `${list}/${acme.sets[0]!.uid}/rotate`;
let sb: Sandbox;

beforeAll(async () => {
  sb = await startTestSandbox();
});
afterAll(() => sb.stop());
beforeEach(() => sb.control.reset());

type Envelope = { result: { current_certificate: { uid: string } }; errors: Array<{ code: number }> };

describe("fault injection", () => {
  it("status: a vendor-shaped error body, a set number of times", async () => {
    await sb.control.fault({
      path: "/client/v4/accounts/*/access/saml_certificates",
      kind: "status",
      status: 503,
      count: 2,
    });
    for (let i = 0; i < 2; i++) {
      const res = await cloudflareCall(sb, token, list);
      expect(res.status).toBe(503);
      expect(res.json).toMatchObject({
        success: false,
        result: null,
        errors: [{ code: expect.any(Number) }],
      });
      expect(res.headers["cf-ray"]).toBeDefined();
    }
    expect((await cloudflareCall(sb, token, list)).status).toBe(200);
  });

  it("rate-limit: 429 with Retry-After in each vendor's shape", async () => {
    await sb.control.fault({ path: "**", kind: "rate-limit", retryAfter: 7 });
    const cf = await cloudflareCall(sb, token, list);
    expect(cf.status).toBe(429);
    expect(cf.headers["retry-after"]).toBe("7");
    const hw = await signedRequest(
      `${sb.urls.huawei}/v1/identity-stores/${HUAWEI_STORES.acmeSingapore.id}/saml-certificates`,
      HUAWEI_CREDENTIALS.acmeManagement,
    );
    expect(hw.status).toBe(429);
    expect(hw.json).toMatchObject({ error_code: "APIGW.0308", request_id: hw.headers["x-request-id"] });
    const up = await httpRequest(`${sb.urls.uipath}/identity_/connect/token`, { method: "POST" });
    expect(up.status).toBe(429);
    expect(up.headers["retry-after"]).toBe("7");
  });

  it("huawei 409: IIC.1006 concurrency conflict", async () => {
    await sb.control.fault({
      service: "huawei",
      method: "POST",
      path: "/v1/identity-stores/*/saml-certificates",
      kind: "status",
      status: 409,
    });
    const res = await signedRequest(
      `${sb.urls.huawei}/v1/identity-stores/${HUAWEI_STORES.acmeSingapore.id}/saml-certificates`,
      HUAWEI_CREDENTIALS.acmeManagement,
      { method: "POST" },
    );
    expect(res.json).toMatchObject({ error_code: "IIC.1006" });
  });

  it("latency delays, malformed answers truncated JSON, drop and timeout destroy the connection", async () => {
    await sb.control.fault({ path: fullList, kind: "latency", delayMs: 300, count: 1 });
    const t0 = Date.now();
    expect((await cloudflareCall(sb, token, list)).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);

    await sb.control.fault({ path: fullList, kind: "malformed", count: 1 });
    const bad = await cloudflareCall(sb, token, list);
    expect(bad.status).toBe(200);
    expect(bad.headers["content-type"]).toBe("application/json");
    expect(bad.json).toBeUndefined();

    await sb.control.fault({ path: fullList, kind: "drop", count: 1 });
    await expect(cloudflareCall(sb, token, list)).rejects.toThrow(/socket hang up|ECONNRESET/);

    await sb.control.fault({ path: fullList, kind: "timeout", delayMs: 400, count: 1 });
    const t1 = Date.now();
    await expect(cloudflareCall(sb, token, list)).rejects.toThrow();
    expect(Date.now() - t1).toBeGreaterThanOrEqual(390);
  });

  it("lost-response applies the write but the client only sees the connection die", async () => {
    const before = ((await cloudflareCall(sb, token, `${list}/${acme.sets[0]!.uid}`)).json as Envelope).result
      .current_certificate.uid;
    await sb.control.fault({ method: "POST", path: "**/rotate", kind: "lost-response", count: 1 });
    await expect(cloudflareCall(sb, token, rotate, "POST")).rejects.toThrow();
    const after = ((await cloudflareCall(sb, token, `${list}/${acme.sets[0]!.uid}`)).json as Envelope).result
      .current_certificate.uid;
    expect(after).not.toBe(before);
    const log = await sb.control.requests("cloudflare");
    expect(log.find((e) => e.fault === "lost-response")).toMatchObject({ method: "POST", status: 200 });
  });

  it("regex paths, clearFaults, and faults on the issuers", async () => {
    const fault = await sb.control.fault({
      path: "^/client/v4/accounts/[0-9a-f]{32}/access/saml_certificates$",
      kind: "status",
      status: 500,
    });
    expect(fault.id).toMatch(/^fault-/);
    expect((await cloudflareCall(sb, token, list)).status).toBe(500);
    await sb.control.clearFaults();
    expect((await cloudflareCall(sb, token, list)).status).toBe(200);
    await sb.control.fault({ service: "issuers", path: "/kubernetes/**", kind: "status", status: 502 });
    expect((await httpRequest(`${sb.urls.issuers.kubernetes}/openid/v1/jwks`, { ca: sb.caPem })).status).toBe(
      502,
    );
  });

  it("refuses malformed fault specs", async () => {
    await expect(sb.control.fault({ path: "/x", kind: "explode" as never })).rejects.toThrow(/400/);
  });
});

describe("request log, clock, reset, settings", () => {
  it("logs method, path, status, time and vendor request id, never secrets", async () => {
    const t = await uipathToken(sb, "contoso");
    await uipathCall(
      sb,
      t,
      "GET",
      "/contoso/identity_/api/ExternalClient/00000000-0000-4000-8000-000000000000",
    );
    await cloudflareCall(sb, token, `${list}?per_page=1&api_token=leak`);
    const log = await sb.control.requests();
    expect(log.map((e) => [e.service, e.method, e.status])).toEqual([
      ["uipath", "POST", 200],
      ["uipath", "GET", 404],
      ["cloudflare", "GET", 200],
    ]);
    expect(log[1]!.requestId).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/);
    expect(log[2]).toMatchObject({
      path: `/client/v4${list}`,
      query: "per_page=1&api_token=%5Bredacted%5D",
      requestId: expect.stringMatching(/-[A-Z]{3}$/),
    });
    const serialized = JSON.stringify(log);
    expect(serialized).not.toContain(token);
    expect(serialized).not.toContain(t);
    expect(serialized).not.toContain("leak");
    expect(await sb.control.requests("huawei")).toEqual([]);
    await sb.control.clearRequests();
    expect(await sb.control.requests()).toEqual([]);
  });

  it("sets and advances the clock; reset restores clock, faults and state", async () => {
    expect((await sb.control.setClock("2030-01-01T00:00:00Z")).toISOString().slice(0, 10)).toBe("2030-01-01");
    expect((await sb.control.advance(86_400_000)).toISOString().slice(0, 10)).toBe("2030-01-02");
    await sb.control.fault({ path: "**", kind: "status" });
    await sb.control.settings({ rateLimits: false });
    await sb.control.reset();
    // Back on real time: the sandbox's "now" falls between the moments before and after asking.
    const asked = Date.now();
    const sandboxNow = (await sb.control.now()).getTime();
    expect(sandboxNow).toBeGreaterThanOrEqual(asked);
    expect(sandboxNow).toBeLessThanOrEqual(Date.now());
    expect((await cloudflareCall(sb, token, list)).status).toBe(200);
    expect((await sb.control.settings()).rateLimits).toBe(true);
    await expect(sb.control.setClock("not a date")).rejects.toThrow(/400/);
  });

  it("stats reports the process's memory and its CPU time, which only grows", async () => {
    const before = await sb.control.stats();
    for (let i = 0; i < 20; i++) await cloudflareCall(sb, token, list);
    const after = await sb.control.stats();
    expect(before.memory.heapUsed).toBeGreaterThan(0);
    for (const field of ["user", "system"] as const) {
      expect(Number.isInteger(before.cpu[field])).toBe(true);
      expect(after.cpu[field]).toBeGreaterThanOrEqual(before.cpu[field]);
    }
    expect(after.cpu.user + after.cpu.system).toBeGreaterThan(before.cpu.user + before.cpu.system);
  });

  it("reset('empty') keeps identities but no certificates; reset() brings the demo back", async () => {
    await sb.control.reset("empty");
    const empty = (await cloudflareCall(sb, token, list)).json as { result: unknown[] };
    expect(empty.result).toEqual([]);
    await sb.control.reset();
    expect(((await cloudflareCall(sb, token, list)).json as { result: unknown[] }).result).toHaveLength(8);
  });

  it("is absent unless enabled: /__sandbox/* is an ordinary vendor 404 and the client refuses", async () => {
    const plain = await startSandbox({ ports: { uipath: 0, cloudflare: 0, huawei: 0, issuers: 0 } });
    try {
      const res = await httpRequest(`${plain.urls.cloudflare.replace("/client/v4", "")}/__sandbox/requests`);
      expect(res.status).toBe(404);
      expect(res.json).toMatchObject({ success: false, errors: [{ code: 7003 }, { code: 7000 }] });
      await expect(plain.control.requests()).rejects.toThrow(/disabled/);
    } finally {
      await plain.stop();
    }
  });
});
