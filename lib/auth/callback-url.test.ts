import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeCallbackPath, safeRedirect } from "./callback-url";

const BYPASSES = [
  "//evil.com",
  "///evil.com",
  "////evil.com/x",
  "/\\evil.com",
  "\\\\evil.com",
  "\\/evil.com",
  "/\\/evil.com",
  "https://evil.com",
  "HTTPS://evil.com",
  "http:evil.com",
  "http:/evil.com",
  "https:evil.com/x",
  "//evil.com@trustdeck",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  " javascript:alert(1)",
  "java\tscript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "/%2F%2Fevil.com",
  "/%2f%2fevil.com",
  "%2F%2Fevil.com",
  "/%5Cevil.com",
  "/%5cevil.com",
  "/%255C%255Cevil.com",
  "/%252F%252Fevil.com",
  "/.//evil.com",
  "/./\\evil.com",
  "/a/..//evil.com",
  "/%2e%2e//evil.com",
  "/%2e/%2fevil.com",
  "/\t/evil.com",
  "/\n/evil.com",
  "/\r\n/evil.com",
  "/%09/evil.com",
  "/%0a/evil.com",
  "/%0d%0a/evil.com",
  "/ /evil.com",
  "/\u0000/evil.com",
  "\t//evil.com",
  "\n//evil.com",
  "/\u2028/evil.com",
  "evil.com",
  "@evil.com",
  "?//evil.com",
  "#//evil.com",
  "",
];

describe("safeCallbackPath: callbackUrl only ever leads to a path of this site", () => {
  it.each(BYPASSES)("refuses %j", (raw) => {
    expect(safeCallbackPath(raw)).toBe("/");
  });

  it.each([
    ["/certificates", "/certificates"],
    ["/certificates/c1/s1?tab=history#slot", "/certificates/c1/s1?tab=history#slot"],
    ["/audit?next=//evil.com", "/audit?next=//evil.com"],
    ["/federated-credentials/a%20b", "/federated-credentials/a%20b"],
    ["/a/../users", "/users"],
  ])("keeps %j as %j", (raw, expected) => {
    expect(safeCallbackPath(raw)).toBe(expected);
  });

  it("returns the fallback for non-strings and very long values", () => {
    expect(safeCallbackPath(undefined, "/home")).toBe("/home");
    expect(safeCallbackPath(["/x"])).toBe("/");
    expect(safeCallbackPath(`/${"a".repeat(3000)}`)).toBe("/");
  });

  it("whatever the input, the result stays on this origin when a browser resolves it", () => {
    const piece = fc.constantFrom(
      "/",
      "\\",
      "//",
      "%2f",
      "%2F",
      "%5c",
      "%25",
      "%09",
      "\t",
      "\n",
      ".",
      "..",
      ":",
      "@",
      "evil.com",
      "http:",
      "javascript:",
      "?",
      "#",
      " ",
      "a",
      "%2e",
      "\u3002",
      "／",
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 8 }).map((parts) => parts.join("")),
        (raw) => {
          const path = safeCallbackPath(raw);
          const base = "https://trustdeck.example";
          expect(path.startsWith("/")).toBe(true);
          expect(path.startsWith("//")).toBe(false);
          expect(new URL(path, base).origin).toBe(base);
          // A browser strips tabs and newlines and reads backslashes as slashes: none may remain.
          expect(/[\t\n\r\\]/.test(path)).toBe(false);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("safeRedirect (next-auth's redirect callback)", () => {
  const base = "https://trustdeck.example";
  it.each([
    [`${base}/certificates`, `${base}/certificates`],
    ["/audit", `${base}/audit`],
    ["https://evil.com", `${base}/`],
    [`${base}.evil.com/x`, `${base}/`],
    [`${base}//evil.com`, `${base}/`],
    ["//evil.com", `${base}/`],
  ])("%s → %s", (url, expected) => {
    expect(safeRedirect(url, base)).toBe(expected);
  });
});
