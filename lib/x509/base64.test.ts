import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeBase64, encodeBase64, encodePem } from "./base64";

describe("base64", () => {
  it("round-trips any bytes and matches btoa", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const encoded = encodeBase64(bytes);
        expect(encoded).toBe(btoa(String.fromCharCode(...bytes)));
        const decoded = decodeBase64(encoded);
        expect(decoded.ok && Array.from(decoded.bytes)).toEqual(Array.from(bytes));
      }),
    );
  });

  it("accepts URL-safe base64, missing padding, whitespace and escaped newlines", () => {
    expect(decodeBase64("-_8")).toEqual({ ok: true, bytes: new Uint8Array([0xfb, 0xff]) });
    expect(decodeBase64(" AQ\\nID \n")).toEqual({ ok: true, bytes: new Uint8Array([1, 2, 3]) });
  });

  it("explains what is wrong", () => {
    expect(decodeBase64("AB%D")).toEqual({
      ok: false,
      reason: "it contains “%”, which is not a base64 character",
    });
    expect(decodeBase64("ABCDE")).toMatchObject({ ok: false, reason: expect.stringMatching(/impossible/) });
  });

  it("wraps PEM at 64 characters with a trailing newline", () => {
    const pem = encodePem(new Uint8Array(100));
    const lines = pem.split("\n");
    expect(lines[0]).toBe("-----BEGIN CERTIFICATE-----");
    expect(lines[1]).toHaveLength(64);
    expect(lines.at(-2)).toBe("-----END CERTIFICATE-----");
    expect(lines.at(-1)).toBe("");
  });
});
