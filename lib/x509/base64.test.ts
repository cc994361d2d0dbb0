import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeBase64, decodeBase64Reference, encodeBase64, encodePem } from "./base64";

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

  it("the one-pass decoder accepts and refuses exactly what the reference decoder does, with the same bytes and reasons", () => {
    // Characters that matter: both alphabets' specials, padding, ASCII and Unicode whitespace,
    // escapes, a non-base64 ASCII character, a non-ASCII letter and an astral one.
    const pieces = [
      "A",
      "Q",
      "z",
      "9",
      "+",
      "/",
      "-",
      "_",
      "=",
      " ",
      "\n",
      "\t",
      "\\n",
      "\\r",
      "\\x",
      "\u00a0",
      "\u2028",
      "%",
      "é",
      "😀",
    ];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(text, (input) => {
        expect(decodeBase64(input)).toEqual(decodeBase64Reference(input));
      }),
      { numRuns: 5_000 },
    );
    // And on real bodies: every encoding of random bytes, wrapped at 64 with CRLF, decodes alike.
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const wrapped = encodeBase64(bytes).replace(/.{64}/g, "$&\r\n");
        const fast = decodeBase64(wrapped);
        expect(fast).toEqual(decodeBase64Reference(wrapped));
        expect(fast.ok && fast.bytes.buffer.byteLength).toBe(bytes.length);
      }),
    );
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
