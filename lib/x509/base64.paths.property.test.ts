import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createBase64Decoder, decodeBase64, decodeBase64Reference, encodeBase64 } from "./base64";
import {
  fromBase64Decoder,
  canonicalBase64ByteLength,
  nodeBufferDecoder,
  platformBase64Decoder,
  type NativeBase64Decoder,
} from "./base64-native";
import { specFromBase64 } from "./testing/from-base64-spec";

/**
 * Every path `decodeBase64` can take must accept and refuse exactly what the reference decoder
 * does, with the same bytes and reasons: Node's lenient Buffer decoder, the browser's
 * `Uint8Array.fromBase64` (the proposal's algorithm where Node lacks it), and our own decoders.
 */

/** Characters that matter, one at a time: every class the decoders tell apart. */
const ODD_PIECES = [
  "*",
  "%",
  "=",
  "==",
  "===",
  "-",
  "_",
  "+",
  "/",
  "\\n",
  "\\r",
  "\\x",
  "\\",
  "\r\n",
  "\n",
  "\r",
  "\t",
  " ",
  "\v",
  "\f",
  "\u00a0",
  "\u2028",
  "\ufeff",
  "é",
  "😀",
  "\ud800",
  "\udc00",
  "\u0100",
  "\u0141",
];

/** Line breaks and indentation a PEM body may come with. */
const BREAKS = ["\n", "\r\n", "\r", "\n  ", "\t\n", " \n", "\\n", "\\r\\n"];

type Change =
  | { kind: "insert"; at: number; text: string }
  | { kind: "delete"; at: number }
  | { kind: "url-safe"; all: boolean; at: number }
  | { kind: "padding"; count: number }
  | { kind: "extra"; char: string };

const change: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: fc.constantFrom(...ODD_PIECES) }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("url-safe" as const), all: fc.boolean(), at: fc.nat() }),
  fc.record({ kind: fc.constant("padding" as const), count: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ kind: fc.constant("extra" as const), char: fc.constantFrom("A", "Q", "+", "/", "=") }),
);

function applyChange(text: string, step: Change): string {
  const at = (n: number) => (text.length === 0 ? 0 : n % (text.length + 1));
  switch (step.kind) {
    case "insert":
      return text.slice(0, at(step.at)) + step.text + text.slice(at(step.at));
    case "delete":
      return text.slice(0, at(step.at)) + text.slice(at(step.at) + 1);
    case "url-safe": {
      // All of it URL-safe, or one character only (the alphabets mixed).
      if (step.all) return text.replace(/\+/g, "-").replace(/\//g, "_");
      const i = text.slice(at(step.at)).search(/[+/]/);
      if (i < 0) return text;
      const j = at(step.at) + i;
      return text.slice(0, j) + (text[j] === "+" ? "-" : "_") + text.slice(j + 1);
    }
    case "padding":
      return text.replace(/=+(\s*)$/, "$1").replace(/(\s*)$/, `${"=".repeat(step.count)}$1`);
    case "extra":
      return text.replace(/(\s*)$/, `${step.char}$1`);
  }
}

/** A PEM-like body: random bytes, wrapped at 64 or 76 with one kind of break, maybe unpadded. */
const body = fc
  .record({
    bytes: fc.uint8Array({ maxLength: 200 }),
    width: fc.constantFrom(64, 76, 4, 1000),
    lineBreak: fc.constantFrom(...BREAKS),
    unpadded: fc.boolean(),
    leading: fc.constantFrom("", "\n", "\r\n", " "),
    trailing: fc.constantFrom("", "\n", "\r\n", "\n\n", " \t"),
  })
  .map(({ bytes, width, lineBreak, unpadded, leading, trailing }) => {
    const encoded = encodeBase64(bytes).replace(unpadded ? /=+$/ : /$^/, "");
    const lines = encoded.match(new RegExp(`.{1,${width}}`, "g")) ?? [];
    return leading + lines.join(lineBreak) + trailing;
  });

/** Well-formed bodies, and the same bodies broken in every way that matters. */
const wellFormed = body;
const malformed = fc
  .tuple(body, fc.array(change, { minLength: 1, maxLength: 3 }))
  .map(([text, steps]) => steps.reduce(applyChange, text));
const characterSoup = fc
  .array(fc.constantFrom("A", "Q", "z", "9", "+", "/", ...ODD_PIECES), { maxLength: 40 })
  .map((parts) => parts.join(""));
const anyString = fc.string({ unit: "binary", maxLength: 40 });
const inputs = fc.oneof(wellFormed, malformed, characterSoup, anyString);

function expectSameAsReference(decode: (text: string) => ReturnType<typeof decodeBase64>, input: string) {
  const result = decode(input);
  expect(result).toEqual(decodeBase64Reference(input));
  // Bytes of their own: never a view into a pool or a scratch buffer.
  if (result.ok) expect(result.bytes.buffer.byteLength).toBe(result.bytes.length);
}

/** A native decoder that remembers what it was given, and whether it refused it. */
function recording(native: NativeBase64Decoder) {
  const calls: string[] = [];
  const refused: string[] = [];
  const decoder: NativeBase64Decoder = (text, byteLength) => {
    calls.push(text);
    try {
      return native(text, byteLength);
    } catch (error) {
      refused.push(text);
      throw error;
    }
  };
  return { decoder, calls, refused };
}

const nodeBuffer = () => nodeBufferDecoder((buffer, offset, length) => Buffer.from(buffer, offset, length));

describe("every base64 path agrees with the reference decoder", () => {
  it("Node's Buffer, after the guard: same acceptance, same bytes, same reasons", () => {
    const native = recording(nodeBuffer());
    const decode = createBase64Decoder(native.decoder);
    fc.assert(
      fc.property(inputs, (input) => expectSameAsReference(decode, input)),
      { numRuns: 4_000 },
    );
    // The lenient decoder only ever saw text the reference accepts.
    for (const text of native.calls) expect(decodeBase64Reference(text).ok).toBe(true);
    expect(native.calls.length).toBeGreaterThan(500);
  });

  it("Uint8Array.fromBase64 (the proposal's algorithm), after the guard: never refuses what it is given", () => {
    const native = recording(fromBase64Decoder(specFromBase64));
    const decode = createBase64Decoder(native.decoder);
    fc.assert(
      fc.property(inputs, (input) => expectSameAsReference(decode, input)),
      { numRuns: 4_000 },
    );
    expect(native.refused).toEqual([]);
    expect(native.calls.length).toBeGreaterThan(500);
  });

  it("our own decoders alone (a browser without fromBase64)", () => {
    const decode = createBase64Decoder(undefined);
    fc.assert(
      fc.property(inputs, (input) => expectSameAsReference(decode, input)),
      { numRuns: 4_000 },
    );
  });

  it("the platform's choice (decodeBase64 as exported)", () => {
    fc.assert(
      fc.property(inputs, (input) => expectSameAsReference(decodeBase64, input)),
      { numRuns: 2_000 },
    );
  });

  it.each([
    ["mixed alphabets, the standard one in whole groups first", "QUJD+/8A\n-_8"],
    ["mixed alphabets, URL-safe first", "-_8A+/8A"],
    ["a bad character after whole groups", "QUJDQUJD*"],
    ["a lone surrogate inside a group", "QUJ\ud800QUJD"],
    ["a non-Latin-1 character inside a group", "QUJ\u0141QUJD"],
    ["CRLF between groups, then a short tail", "QUJD\r\nQUJDQQ"],
    ["a line break inside a group", "QU\nJDQUJD"],
    ["an escaped line break between groups", "QUJD\\nQUJD"],
    ["padding, then whitespace, then more", "QQ==\nQUJD"],
    ["a lone character after a line break", "QUJD\nR"],
  ])("every path agrees on %s", (_what, input) => {
    for (const decode of [
      createBase64Decoder(nodeBuffer()),
      createBase64Decoder(fromBase64Decoder(specFromBase64)),
      createBase64Decoder(undefined),
      decodeBase64,
    ]) {
      expectSameAsReference(decode, input);
    }
  });

  it("a native decoder that refuses after all leaves the decision to ours", () => {
    const refusing = createBase64Decoder(() => {
      throw new SyntaxError("stricter than the standard");
    });
    fc.assert(
      fc.property(inputs, (input) => expectSameAsReference(refusing, input)),
      { numRuns: 500 },
    );
  });

  it("plain PEM bodies take the native path, and decode to the bytes encoded", () => {
    const native = recording(nodeBuffer());
    const decode = createBase64Decoder(native.decoder);
    const plain = fc.record({
      bytes: fc.uint8Array({ maxLength: 300 }),
      lineBreak: fc.constantFrom("\n", "\r\n"),
    });
    fc.assert(
      fc.property(plain, ({ bytes, lineBreak }) => {
        const pem = `${lineBreak}${encodeBase64(bytes).replace(/.{64}/g, `$&${lineBreak}`)}${lineBreak}`;
        const before = native.calls.length;
        expect(decode(pem)).toEqual({ ok: true, bytes });
        expect(native.calls.length).toBe(before + 1);
      }),
    );
  });
});

describe("the guard in front of the native decoders", () => {
  it("admits only text every decoder reads alike, and knows how many bytes it holds", () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const byteLength = canonicalBase64ByteLength(input);
        if (byteLength === undefined) return;
        const reference = decodeBase64Reference(input);
        expect(reference.ok && reference.bytes.length).toBe(byteLength);
        expect(Array.from(specFromBase64(input))).toEqual(reference.ok && Array.from(reference.bytes));
        expect(Array.from(Buffer.from(input, "base64"))).toEqual(reference.ok && Array.from(reference.bytes));
      }),
      { numRuns: 4_000 },
    );
  });

  it.each([
    ["a character outside the alphabet", "QU*JD"],
    ["a lone character at the end", "QUJDR"],
    ["padding in the middle", "QQ==QUJD"],
    ["three padding characters", "QQ==="],
    ["padding after a whole group", "QUJD=="],
    ["one '=' where two are needed", "QQ="],
    ["the URL-safe alphabet", "-_8"],
    ["a \\n escape", "QU\\nJD"],
    ["a vertical tab (not whitespace to fromBase64)", "QU\vJD"],
    ["a no-break space", "QU\u00a0JD"],
    ["a lone surrogate", "QU\ud800JD"],
  ])("refuses %s", (_what, text) => {
    expect(canonicalBase64ByteLength(text)).toBeUndefined();
  });
});

describe("platformBase64Decoder", () => {
  it("prefers Uint8Array.fromBase64, then Node's Buffer, else none", () => {
    const fromBase64Calls: string[] = [];
    const bufferCalls: number[] = [];
    const fromBase64 = (text: string) => (fromBase64Calls.push(text), specFromBase64(text));
    const from = (buffer: ArrayBuffer, offset: number, length: number) => {
      bufferCalls.push(length);
      return Buffer.from(buffer, offset, length);
    };
    platformBase64Decoder({ Uint8Array: { fromBase64 }, Buffer: { from } })!("QUJD", 3);
    expect([fromBase64Calls, bufferCalls]).toEqual([["QUJD"], []]);
    const decoded = platformBase64Decoder({ Uint8Array: {}, Buffer: { from } })!("QUJD", 3);
    expect(decoded && Array.from(decoded)).toEqual([65, 66, 67]);
    expect(bufferCalls).toEqual([3]);
    expect(platformBase64Decoder({ Uint8Array: {} })).toBeUndefined();
    expect(platformBase64Decoder({})).toBeUndefined();
    // Node has a native decoder (Buffer on Node 20; fromBase64 where it exists).
    expect(platformBase64Decoder(globalThis as never)).toBeTypeOf("function");
  });

  it("the proposal's algorithm, as the stand-in implements it", () => {
    const bytes = (text: string) => Array.from(specFromBase64(text));
    expect(bytes("Zm9vYmE")).toEqual([102, 111, 111, 98, 97]);
    expect(bytes(" Zg\n= =\t")).toEqual([102]);
    expect(bytes("Zh==")).toEqual([102]); // spare bits dropped when loose
    for (const bad of ["Z", "Zg=", "Zm9v=", "Zg==Zg==", "Zg\v==", "Zm-v", "Zm9v*"]) {
      expect(() => specFromBase64(bad), bad).toThrow(SyntaxError);
    }
  });
});
