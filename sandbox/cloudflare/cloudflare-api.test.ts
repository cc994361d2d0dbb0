import "@abraham/reflection";
import * as x509 from "@peculiar/x509";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Sandbox } from "../server";
import { CLOUDFLARE_ACCOUNTS, CLOUDFLARE_GLOBAL_KEY, CLOUDFLARE_TOKENS } from "./catalog";
import { startTestSandbox } from "../testing/harness";
import { cloudflareCall } from "./testing";
import { httpRequest } from "../testing/http";

const acme = CLOUDFLARE_ACCOUNTS.acme;
const initech = CLOUDFLARE_ACCOUNTS.initech;
const T = CLOUDFLARE_TOKENS;
const sets = (accountId: string, query = "") => `/accounts/${accountId}/access/saml_certificates${query}`;
let sb: Sandbox;

beforeAll(async () => {
  sb = await startTestSandbox();
});
afterAll(() => sb.stop());
beforeEach(() => sb.control.reset());

type Cert = { uid: string; public_certificate: string; not_after: string; is_current: boolean };
type CertSet = {
  uid: string;
  created_at: string;
  updated_at: string;
  current_certificate: Cert;
  previous_certificate: Cert | null;
};
type Envelope<T> = {
  success: boolean;
  errors: Array<{ code: number; message: string; error_chain?: Array<{ code: number }> }>;
  messages: unknown[];
  result: T;
  result_info?: Record<string, number>;
};

const get = async <T>(token: string, path: string) => {
  const res = await cloudflareCall(sb, token, path);
  return { res, body: res.json as Envelope<T> };
};

describe("Cloudflare SAML certificate sets", () => {
  it("lists with the envelope and result_info; real X.509 certificates, current and previous", async () => {
    const { res, body } = await get<CertSet[]>(T.acme.value, sets(acme.id));
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("application/json");
    expect(body).toMatchObject({
      success: true,
      errors: [],
      messages: [],
      result_info: { page: 1, per_page: 25, count: 8, total_count: 8, total_pages: 1 },
    });
    const first = body.result[0]!;
    const cert = new x509.X509Certificate(first.current_certificate.public_certificate);
    expect(cert.publicKey.algorithm).toMatchObject({ name: "RSASSA-PKCS1-v1_5", modulusLength: 2048 });
    expect(cert.notAfter.toISOString().replace(".000", "")).toBe(first.current_certificate.not_after);
    expect(first.current_certificate.is_current).toBe(true);
    expect(first.previous_certificate).toMatchObject({ is_current: false });
    expect(body.result.some((s) => s.previous_certificate === null)).toBe(true);
  });

  it("pages with page/per_page and answers an empty page past the end (or echoes the last page when switched)", async () => {
    const p1 = (await get<CertSet[]>(T.initech.value, sets(initech.id))).body;
    expect(p1.result_info).toEqual({ page: 1, per_page: 25, count: 25, total_count: 30, total_pages: 2 });
    const p2 = (await get<CertSet[]>(T.initech.value, sets(initech.id, "?page=2"))).body;
    expect(p2.result_info).toMatchObject({ page: 2, count: 5 });
    expect(new Set([...p1.result, ...p2.result].map((s) => s.uid)).size).toBe(30);
    const p3 = (await get<CertSet[]>(T.initech.value, sets(initech.id, "?page=3"))).body;
    expect(p3.result).toEqual([]);
    expect(p3.result_info).toMatchObject({ page: 3, count: 0, total_pages: 2 });
    await sb.control.settings({ cloudflarePastLastPage: "echo-last" });
    const echo = (await get<CertSet[]>(T.initech.value, sets(initech.id, "?page=9"))).body;
    expect(echo.result.map((s) => s.uid)).toEqual(p2.result.map((s) => s.uid));
    const small = (await get<CertSet[]>(T.initech.value, sets(initech.id, "?per_page=7&page=5"))).body;
    expect(small.result_info).toMatchObject({ page: 5, per_page: 7, count: 2, total_pages: 5 });
  });

  it("filters by id (comma-separated) and validates page and per_page", async () => {
    const ids = [acme.sets[1]!.uid, acme.sets[4]!.uid];
    const { body } = await get<CertSet[]>(T.acme.value, sets(acme.id, `?id=${ids.join(",")}`));
    expect(body.result.map((s) => s.uid).sort()).toEqual([...ids].sort());
    for (const q of ["?per_page=0", "?per_page=1001", "?page=0", "?page=x"]) {
      const { res, body: bad } = await get(T.acme.value, sets(acme.id, q));
      expect(res.status).toBe(400);
      expect(bad).toMatchObject({ success: false, result: null });
    }
  });

  it("gets one set; 404 12130 for an unknown set, 404 7003 for a malformed id", async () => {
    const uid = acme.sets[0]!.uid;
    expect((await get<CertSet>(T.acme.value, sets(acme.id, `/${uid}`))).body.result.uid).toBe(uid);
    const missing = await get(T.acme.value, sets(acme.id, "/00000000-0000-4000-8000-000000000000"));
    expect(missing.res.status).toBe(404);
    expect(missing.body).toEqual({
      success: false,
      errors: [{ code: 12130, message: "access.api.error.not_found" }],
      messages: [],
      result: null,
    });
    const malformed = await get(T.acme.value, sets(acme.id, "/not-a-uuid"));
    expect(malformed.res.status).toBe(404);
    expect(malformed.body.errors[0]).toMatchObject({ code: 7003 });
    expect((await get(T.acme.value, sets("acme"))).body.errors[0]!.code).toBe(7003);
    expect((await get(T.acme.value, "/nothing/here")).body.errors.map((e) => e.code)).toEqual([7003, 7000]);
  });

  it("rotates: a new current, the old current becomes previous, the old previous is dropped", async () => {
    const uid = acme.sets[0]!.uid;
    const before = (await get<CertSet>(T.acme.value, sets(acme.id, `/${uid}`))).body.result;
    const res = await cloudflareCall(sb, T.acme.value, sets(acme.id, `/${uid}/rotate`), "POST");
    expect(res.status).toBe(200);
    const after = (res.json as Envelope<CertSet>).result;
    expect(after.current_certificate.uid).not.toBe(before.current_certificate.uid);
    expect(after.previous_certificate).toEqual({ ...before.current_certificate, is_current: false });
    expect(JSON.stringify(after)).not.toContain(before.previous_certificate!.uid);
    expect(Date.parse(after.updated_at)).toBeGreaterThan(Date.parse(before.updated_at));
    const fresh = new x509.X509Certificate(after.current_certificate.public_certificate);
    expect(fresh.notAfter.getTime() - fresh.notBefore.getTime()).toBe(3 * 365 * 86_400_000);
    expect(fresh.serialNumber.length).toBeLessThanOrEqual(16);
  });

  it("downloads the current PEM with its headers", async () => {
    const uid = acme.sets[2]!.uid;
    const set = (await get<CertSet>(T.acme.value, sets(acme.id, `/${uid}`))).body.result;
    const res = await cloudflareCall(sb, T.acme.value, sets(acme.id, `/${uid}/pem`));
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("application/x-pem-file");
    expect(res.headers["content-disposition"]).toBe('attachment; filename="saml_certificate.pem"');
    expect(res.text).toBe(set.current_certificate.public_certificate);
  });

  it("auto-rotates 30 days before not_after on the sandbox clock", async () => {
    const plan = acme.sets[0]!; // current expires in 35 days
    const before = (await get<CertSet>(T.acme.value, sets(acme.id, `/${plan.uid}`))).body.result;
    await sb.control.advance(4 * 86_400_000);
    expect(
      (await get<CertSet>(T.acme.value, sets(acme.id, `/${plan.uid}`))).body.result.current_certificate.uid,
    ).toBe(before.current_certificate.uid);
    await sb.control.advance(2 * 86_400_000);
    const after = (await get<CertSet>(T.acme.value, sets(acme.id, `/${plan.uid}`))).body.result;
    expect(after.current_certificate.uid).not.toBe(before.current_certificate.uid);
    expect(after.previous_certificate?.uid).toBe(before.current_certificate.uid);
    // Rotated when it was due, not when it was read.
    expect(Date.parse(after.updated_at)).toBe(
      Date.parse(before.current_certificate.not_after) - 30 * 86_400_000,
    );
  });
});

describe("Cloudflare credentials", () => {
  const raw = (headers: Record<string, string>, path = sets(acme.id)) =>
    httpRequest(`${sb.urls.cloudflare}${path}`, { headers });

  it.each([
    ["a malformed Authorization header", { authorization: "Bearer short" }, 400, 6003, 6111],
    [
      "an API token sent as X-Auth-Key",
      { "x-auth-email": "a@b.c", "x-auth-key": T.acme.value },
      400,
      6003,
      6103,
    ],
    ["a global key without X-Auth-Email", { "x-auth-key": CLOUDFLARE_GLOBAL_KEY.key }, 400, 6003, 6102],
  ])("%s → %i %i/%i", async (_l, headers, status, code, chain) => {
    const res = await raw(headers);
    expect(res.status).toBe(status);
    expect(res.json).toEqual({
      success: false,
      errors: [
        {
          code,
          message: "Invalid request headers",
          error_chain: [{ code: chain, message: expect.any(String) }],
        },
      ],
      messages: [],
      result: null,
    });
  });

  it("403 10000 for unknown, expired, disabled, read-only-on-write and no-permission tokens, and another account", async () => {
    const denied = async (token: string, path = sets(acme.id), method = "GET") => {
      const res = await cloudflareCall(sb, token, path, method);
      expect(res.status).toBe(403);
      expect((res.json as Envelope<null>).errors).toEqual([{ code: 10000, message: "Authentication error" }]);
    };
    await denied("x".repeat(40));
    await denied(T.acmeExpired.value);
    await denied(T.acmeDisabled.value);
    await denied(T.acmeNoAccess.value);
    await denied(T.globex.value);
    await denied(T.acmeReadOnly.value, sets(acme.id, `/${acme.sets[0]!.uid}/rotate`), "POST");
    expect((await cloudflareCall(sb, T.acmeReadOnly.value, sets(acme.id))).status).toBe(200);
  });

  it("accepts a global API key with its email; refuses a wrong one; missing credentials are 400", async () => {
    expect(
      (await raw({ "x-auth-email": CLOUDFLARE_GLOBAL_KEY.email, "x-auth-key": CLOUDFLARE_GLOBAL_KEY.key }))
        .status,
    ).toBe(200);
    expect(
      (await raw({ "x-auth-email": "other@acme.example", "x-auth-key": CLOUDFLARE_GLOBAL_KEY.key })).json,
    ).toMatchObject({ errors: [{ code: 9103 }] });
    expect((await raw({})).status).toBe(400);
  });

  it("verifies tokens: user-owned at /user/tokens/verify, account-owned at /accounts/{id}/tokens/verify", async () => {
    const user = await cloudflareCall(sb, T.acmeNoAccess.value, "/user/tokens/verify");
    expect(user.json).toEqual({
      success: true,
      errors: [],
      messages: [{ code: 10000, message: "This API Token is valid and active" }],
      result: { id: T.acmeNoAccess.id, status: "active" },
    });
    const account = await cloudflareCall(sb, T.acme.value, `/accounts/${acme.id}/tokens/verify`);
    expect((account.json as Envelope<{ status: string }>).result.status).toBe("active");
    expect((await cloudflareCall(sb, T.acme.value, "/user/tokens/verify")).status).toBe(401);
    const expired = await cloudflareCall(sb, T.acmeExpired.value, "/user/tokens/verify");
    expect(expired.json).toMatchObject({
      result: { status: "expired", expires_on: expect.any(String) },
      messages: [],
    });
    expect((await cloudflareCall(sb, "y".repeat(40), "/user/tokens/verify")).status).toBe(403);
  });

  it("lists the accounts a usable token may act on at /accounts; an expired token gets 403 10000", async () => {
    const { body } = await get<Array<{ id: string; name: string }>>(T.acme.value, "/accounts");
    expect(body.result).toEqual([expect.objectContaining({ id: acme.id, name: acme.name })]);
    expect(body.result_info).toMatchObject({ total_count: 1 });
    const expired = await cloudflareCall(sb, T.acmeExpired.value, "/accounts");
    expect(expired.status).toBe(403);
    expect(expired.json).toMatchObject({ errors: [{ code: 10000 }] });
  });

  it("sends Ratelimit headers and cf-ray always; blocks for 5 minutes after 1200 requests with Retry-After", async () => {
    const first = await cloudflareCall(
      sb,
      T.globex.value,
      sets(CLOUDFLARE_ACCOUNTS.globex.id, "?per_page=1"),
    );
    expect(first.headers.ratelimit).toMatch(/^"default";r=1199;t=\d+$/);
    expect(first.headers["ratelimit-policy"]).toBe('"default";q=1200;w=300');
    expect(first.headers["cf-ray"]).toMatch(/^[0-9a-f]{16}-[A-Z]{3}$/);
    const path = `/accounts/${CLOUDFLARE_ACCOUNTS.globex.id}/tokens/verify`;
    for (let i = 0; i < 1199; i += 50)
      await Promise.all(
        Array.from({ length: Math.min(50, 1199 - i) }, () => cloudflareCall(sb, T.globex.value, path)),
      );
    const limited = await cloudflareCall(sb, T.globex.value, path);
    expect(limited.status).toBe(429);
    expect(limited.headers["retry-after"]).toBe("300");
    expect((limited.json as Envelope<null>).errors[0]!.code).toBe(971);
    // Other tokens are unaffected; the block outlives the window.
    expect((await cloudflareCall(sb, T.acme.value, sets(acme.id))).status).toBe(200);
    await sb.control.advance(299_000);
    expect((await cloudflareCall(sb, T.globex.value, path)).status).toBe(429);
    await sb.control.advance(2_000);
    expect((await cloudflareCall(sb, T.globex.value, path)).status).toBe(200);
  });
});
