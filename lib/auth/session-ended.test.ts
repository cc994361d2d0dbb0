import { describe, expect, it } from "vitest";
import { fail, ok, readResult } from "./action-result";
import { ERROR_CODES } from "./error-codes";
import { SESSION_ERROR_CODES } from "./session-codes";
import { isSessionEnded, SESSION_ENDED_MESSAGE, signInAgainHref } from "./session-ended";

describe("isSessionEnded", () => {
  it("recognises session-kind failures and the proxy's refusal of a server action", () => {
    expect(isSessionEnded(fail("unauthenticated", "x"))).toBe(true);
    expect(isSessionEnded(fail("forbidden", "x"))).toBe(true);
    expect(isSessionEnded(new Error(SESSION_ENDED_MESSAGE))).toBe(true);
  });

  it("leaves every other outcome alone", () => {
    expect(isSessionEnded(ok(1))).toBe(false);
    expect(isSessionEnded(fail("duplicate-certificate", "x"))).toBe(false);
    expect(isSessionEnded(fail("vendor-auth", "x"))).toBe(false);
    expect(isSessionEnded(new Error("An unexpected response was received from the server."))).toBe(false);
    expect(isSessionEnded({ ok: false, code: "no-such-code", message: "x" })).toBe(false);
    expect(isSessionEnded(null)).toBe(false);
    expect(isSessionEnded("unauthenticated")).toBe(false);
  });
});

describe("SESSION_ERROR_CODES", () => {
  it("are exactly the session-kind codes of ERROR_CODES", () => {
    const sessionKind = Object.entries(ERROR_CODES)
      .filter(([, kind]) => kind === "session")
      .map(([code]) => code);
    expect([...SESSION_ERROR_CODES].sort()).toEqual(sessionKind.sort());
  });
});

describe("signInAgainHref", () => {
  it("returns to the same page, query included", () => {
    expect(signInAgainHref("/certificates/abc/set%201?x=1")).toBe(
      "/login?callbackUrl=%2Fcertificates%2Fabc%2Fset%25201%3Fx%3D1",
    );
  });

  it.each(["//evil.example/x", "https://evil.example/", ""])("never leaves the site: %s", (path) => {
    expect(signInAgainHref(path)).toBe("/login?callbackUrl=%2F");
  });
});

describe("readResult and an ended session", () => {
  it("a 401 without a result body is a session failure", async () => {
    const result = await readResult(new Response("<!DOCTYPE html>", { status: 401 }));
    expect(isSessionEnded(result)).toBe(true);
  });

  it("an answer redirected to the sign-in page is a session failure, never a parse error", async () => {
    const response = new Response("<!DOCTYPE html><html></html>", {
      status: 200,
      headers: { "content-type": "text/html" },
    });
    Object.defineProperty(response, "redirected", { value: true });
    Object.defineProperty(response, "url", { value: "http://127.0.0.1:3000/login?callbackUrl=%2Fapi%2Fx" });
    const result = await readResult(response);
    expect(result.ok).toBe(false);
    expect(isSessionEnded(result)).toBe(true);
  });
});
