import { describe, expect, it } from "vitest";
import { VENDOR_ERROR_KINDS } from "@/lib/vendors/contracts";
import { fail, failFromVendor, ok, readResult } from "./action-result";
import { ERROR_CODES, isErrorCode, VENDOR_ERROR_CODES, X509_ERROR_CODES } from "./error-codes";

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

describe("error codes", () => {
  it("are all kebab-case: no snake_case, prefixes with a colon, SCREAMING or ERR_ codes", () => {
    for (const code of Object.keys(ERROR_CODES)) expect(code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("map every vendor error kind and every lib/x509 code onto the union", () => {
    for (const kind of VENDOR_ERROR_KINDS) expect(isErrorCode(VENDOR_ERROR_CODES[kind])).toBe(true);
    for (const code of Object.values(X509_ERROR_CODES)) expect(ERROR_CODES[code]).toBe("certificate");
    expect(X509_ERROR_CODES.ERR_PRIVATE_KEY).toBe("private-key");
  });

  it("keeps a vendor's not-found apart from ours (a page 404s only on ours)", () => {
    expect(VENDOR_ERROR_CODES["not-found"]).not.toBe("not-found");
    expect(VENDOR_ERROR_CODES["rate-limited"]).toBe("rate-limited");
  });

  it("recognises only listed codes, and no inherited property names", () => {
    expect(isErrorCode("not-found")).toBe(true);
    for (const value of [
      "not_found",
      "vendor:rate-limited",
      "ERR_PRIVATE_KEY",
      "toString",
      "__proto__",
      1,
      null,
    ])
      expect(isErrorCode(value)).toBe(false);
  });
});

describe("failFromVendor", () => {
  it("carries the vendor's code, message and request id, and leaves out what the vendor did not say", () => {
    const failure = failFromVendor({
      kind: "rate-limited",
      userMessage: "Cloudflare is limiting the rate of requests.",
      requestId: "ray-1",
      vendorCode: "10000",
      vendorMessage: "Too many requests",
    });
    expect(failure).toEqual({
      ok: false,
      code: "rate-limited",
      message: "Cloudflare is limiting the rate of requests.",
      requestId: "ray-1",
      vendorCode: "10000",
      vendorMessage: "Too many requests",
    });
    const bare = failFromVendor({ kind: "auth", userMessage: "m", requestId: null }, "Could not read: m");
    expect(bare).toEqual({ ok: false, code: "vendor-auth", message: "Could not read: m" });
  });
});

describe("readResult", () => {
  it("returns a route's result body as it is, success or failure", async () => {
    expect(await readResult(json(ok({ runId: "r" }), 202))).toEqual({ ok: true, data: { runId: "r" } });
    const refused = fail("forbidden", "This needs the operator role.");
    expect(await readResult(json(refused, 403))).toEqual(refused);
  });

  it("turns a body that is not a result into a failure with a listed code", async () => {
    const html = new Response("<html>Bad gateway</html>", { status: 502 });
    expect(await readResult(html)).toMatchObject({ ok: false, code: "unavailable" });
    expect(await readResult(new Response("", { status: 401 }))).toMatchObject({
      ok: false,
      code: "unauthenticated",
    });
    expect(await readResult(null)).toMatchObject({ ok: false, code: "unavailable" });
    // An old-style body, or an unknown code, is not trusted as a result.
    expect(await readResult(json({ error: "forbidden", message: "x" }, 403))).toMatchObject({
      code: "unavailable",
    });
    expect(await readResult(json({ ok: false, code: "vendor:tls", message: "x" }, 502))).toMatchObject({
      code: "unavailable",
    });
  });
});
