import { describe, expect, it } from "vitest";
import { FaultRegistry, globToRegExp, parseFaultSpec } from "./faults";
import { RateWindow } from "./rate-window";
import { Router } from "./router";
import { RequestLog, redactQuery } from "./request-log";
import { SandboxClock } from "./clock";

describe("fault matching", () => {
  it("globs: * is one segment, ** anything; ^ starts a regular expression", () => {
    expect(
      globToRegExp("/client/v4/accounts/*/access/saml_certificates").test(
        "/client/v4/accounts/abc/access/saml_certificates",
      ),
    ).toBe(true);
    expect(globToRegExp("/client/v4/accounts/*").test("/client/v4/accounts/abc/access")).toBe(false);
    expect(globToRegExp("**/rotate").test("/client/v4/accounts/a/access/saml_certificates/b/rotate")).toBe(
      true,
    );
    expect(
      globToRegExp("^/v1/identity-stores/d-[0-9a-f]+/saml-certificates$").test(
        "/v1/identity-stores/d-12ab/saml-certificates",
      ),
    ).toBe(true);
    expect(globToRegExp("/a.b").test("/aXb")).toBe(false);
  });

  it("counts down and removes a fault; the newest match wins; method and service filter", () => {
    const reg = new FaultRegistry();
    reg.add({ path: "/x", kind: "status", status: 500 });
    reg.add({ path: "/x", kind: "drop", count: 2, method: "POST" });
    expect(reg.take("uipath", "GET", "/x")?.kind).toBe("status");
    expect(reg.take("uipath", "POST", "/x")?.kind).toBe("drop");
    expect(reg.take("uipath", "POST", "/x")?.kind).toBe("drop");
    expect(reg.take("uipath", "POST", "/x")?.kind).toBe("status");
    reg.add({ path: "/y", kind: "latency", service: "huawei" });
    expect(reg.take("uipath", "GET", "/y")).toBeUndefined();
    expect(reg.take("huawei", "GET", "/y")?.kind).toBe("latency");
    reg.clear();
    expect(reg.list()).toEqual([]);
  });

  it("validates specs", () => {
    expect(parseFaultSpec({ path: "/x", kind: "nope" })).toMatch(/kind must be one of/);
    expect(parseFaultSpec({ kind: "drop" })).toBe("path is required");
    expect(parseFaultSpec({ path: "^(", kind: "drop" })).toBe("path is not a valid regular expression");
    expect(parseFaultSpec({ path: "/x", kind: "status", status: -1 })).toMatch(/non-negative/);
    expect(parseFaultSpec({ path: "/x", kind: "rate-limit", method: "post", retryAfter: 7 })).toEqual({
      path: "/x",
      kind: "rate-limit",
      method: "POST",
      retryAfter: 7,
    });
  });
});

describe("rate windows", () => {
  it("allows up to the limit per fixed window, then refuses until the window ends", () => {
    const w = new RateWindow(300_000);
    const t0 = 1_800_000_000_000 - (1_800_000_000_000 % 300_000);
    for (let i = 0; i < 3; i++) expect(w.hit("k", 3, t0 + i).allowed).toBe(true);
    const refused = w.hit("k", 3, t0 + 10_000);
    expect(refused).toMatchObject({ allowed: false, remaining: 0, resetSeconds: 290 });
    expect(w.hit("other", 3, t0 + 10_000).allowed).toBe(true);
    expect(w.hit("k", 3, t0 + 300_000).allowed).toBe(true);
  });

  it("keeps blocking for blockMs after a breach (Cloudflare)", () => {
    const w = new RateWindow(300_000, 300_000);
    const t0 = 0;
    w.hit("k", 1, t0);
    expect(w.hit("k", 1, t0 + 1000)).toMatchObject({ allowed: false, resetSeconds: 300 });
    // A new window has started, but the block holds.
    expect(w.hit("k", 1, t0 + 300_500).allowed).toBe(false);
    expect(w.hit("k", 1, t0 + 301_500).allowed).toBe(true);
  });
});

describe("router", () => {
  it("matches parameters per segment; case-insensitive when asked", () => {
    const r = new Router({ caseInsensitive: true }).on(
      "GET",
      "/:org/identity_/api/SamlCertificate/:id/certificates",
      () => ({ status: 200 }),
    );
    expect(r.match("GET", "/contoso/IDENTITY_/api/samlcertificate/abc/certificates")?.params).toEqual({
      org: "contoso",
      id: "abc",
    });
    expect(r.match("POST", "/contoso/identity_/api/SamlCertificate/abc/certificates")).toBeUndefined();
    expect(new Router().on("GET", "/A", () => ({ status: 200 })).match("GET", "/a")).toBeUndefined();
  });
});

describe("request log and clock", () => {
  it("redacts secret-looking query parameters and stays bounded", () => {
    expect(redactQuery(new URLSearchParams("page=2&client_secret=s3&api_key=k"))).toBe(
      "page=2&client_secret=%5Bredacted%5D&api_key=%5Bredacted%5D",
    );
    const log = new RequestLog(10);
    for (let i = 0; i < 100; i++)
      log.add({
        service: "uipath",
        method: "GET",
        path: "/",
        query: "",
        status: 200,
        time: "",
        durationMs: 0,
        requestId: String(i),
      });
    expect(log.list()).toHaveLength(10);
    expect(log.list().at(-1)?.requestId).toBe("99");
  });

  it("sets, advances and resets the sandbox clock", () => {
    const created = Date.now();
    const clock = new SandboxClock(new Date("2030-01-01T00:00:00Z"));
    const shown = clock.nowMs() - Date.parse("2030-01-01T00:00:00Z");
    // The clock keeps running from the date it was given: no more than the time measured around
    // it (taken after reading the clock; read before, a millisecond tick in between failed CI).
    const ranFor = Date.now() - created;
    expect(shown).toBeGreaterThanOrEqual(0);
    expect(shown).toBeLessThanOrEqual(ranFor);
    clock.advance(86_400_000);
    expect(clock.now().toISOString().slice(0, 10)).toBe("2030-01-02");
    clock.set(new Date("2031-05-05T00:00:00Z"));
    expect(clock.now().toISOString().slice(0, 10)).toBe("2031-05-05");
    expect(clock.reset().toISOString().slice(0, 10)).toBe("2030-01-01");
  });
});
