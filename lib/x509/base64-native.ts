/**
 * The platform's own base64 decoder, used only for text first proven well formed.
 *
 * Node's `Buffer` decoder is lenient: it skips characters outside the alphabet and stops at the
 * first `=`, so "AB*CD" or "QUJDR" would decode instead of being refused. `Uint8Array.fromBase64`
 * throws where our decoder would refuse, but it is strict about padding our decoder forgives. The
 * guard below therefore admits only text on which both agree byte for byte with
 * `decodeBase64Reference`; anything else goes to our own decoders, which say what is wrong.
 */

/**
 * Decodes text the guard has admitted into `byteLength` bytes with a buffer of their own;
 * `undefined` if the platform disagrees about the length (then our own decoder decides).
 */
export type NativeBase64Decoder = (base64: string, byteLength: number) => Uint8Array | undefined;

/** The globals the native decoders are found on (`globalThis`, or a stand-in in tests). */
export interface Base64Platform {
  Uint8Array?: { fromBase64?: unknown };
  Buffer?: { from?: unknown };
}

type FromBase64 = (base64: string) => Uint8Array;
/** The part of Node's Buffer used: a view on an ArrayBuffer that base64 can be written into. */
type BufferView = (
  buffer: ArrayBuffer,
  offset: number,
  length: number,
) => { write(text: string, offset: number, length: number, encoding: "base64"): number };

/** `Uint8Array.fromBase64` (TC39, in current browsers): returns a fresh array. */
export function fromBase64Decoder(fromBase64: FromBase64): NativeBase64Decoder {
  return (base64, byteLength) => {
    const bytes = fromBase64(base64);
    return bytes.length === byteLength ? bytes : undefined;
  };
}

/**
 * Node's Buffer, writing into an array of exactly the right size. (`Buffer.from(text, "base64")`
 * would return a view into a shared pool, which code handing `bytes.buffer` on must not pass.)
 */
export function nodeBufferDecoder(bufferView: BufferView): NativeBase64Decoder {
  return (base64, byteLength) => {
    const bytes = new Uint8Array(byteLength);
    const written = bufferView(bytes.buffer, 0, byteLength).write(base64, 0, byteLength, "base64");
    return written === byteLength ? bytes : undefined;
  };
}

/**
 * The native decoder this platform has, if any: `Uint8Array.fromBase64`, else Node's `Buffer`.
 * Both are found on the global object, never imported: this module is also bundled for the
 * browser, which must not gain a Buffer polyfill.
 */
export function platformBase64Decoder(platform: Base64Platform): NativeBase64Decoder | undefined {
  const typedArray = platform.Uint8Array;
  const fromBase64 = typedArray?.fromBase64;
  if (typeof fromBase64 === "function") {
    return fromBase64Decoder((base64) => (fromBase64 as FromBase64).call(typedArray, base64));
  }
  const buffer = platform.Buffer;
  const from = buffer?.from;
  if (typeof from === "function") {
    return nodeBufferDecoder((arrayBuffer, offset, length) =>
      (from as BufferView).call(buffer, arrayBuffer, offset, length),
    );
  }
  return undefined;
}

/**
 * Standard alphabet and the whitespace both native decoders skip (tab, LF, CR, space), then at
 * most two `=` at the end, followed only by that whitespace. One character class and no nested
 * quantifier: a single linear pass, also when it fails.
 */
const STANDARD_BASE64 = /^[A-Za-z0-9+/\t\n\r ]*(?:==?[\t\n\r ]*)?$/;
const SKIPPED_WHITESPACE = ["\n", "\r", "\t", " "];

function countOccurrences(text: string, char: string): number {
  let count = 0;
  for (let at = text.indexOf(char); at !== -1; at = text.indexOf(char, at + 1)) count++;
  return count;
}

/**
 * The number of bytes the text decodes to when it is standard base64 that every decoder reads
 * alike, else `undefined`: only the characters above, and a count of base64 characters that is
 * not one more than a multiple of four (which cannot encode whole bytes), with padding either
 * absent or completing the last group exactly.
 */
export function canonicalBase64ByteLength(text: string): number | undefined {
  if (!STANDARD_BASE64.test(text)) return undefined;
  const firstPad = text.indexOf("=");
  const padding = firstPad === -1 ? 0 : text.charCodeAt(firstPad + 1) === 0x3d ? 2 : 1;
  let characters = text.length - padding;
  for (const space of SKIPPED_WHITESPACE) characters -= countOccurrences(text, space);
  if (characters % 4 === 1) return undefined;
  if (padding > 0 && (characters + padding) % 4 !== 0) return undefined;
  return Math.floor((characters * 3) / 4);
}

/**
 * Decodes with the native decoder when the text is proven well formed; `undefined` means "use our
 * own decoder" (no native decoder, text not proven, or a native decoder that refused after all).
 */
export function decodeNativeBase64(
  text: string,
  native: NativeBase64Decoder | undefined,
): Uint8Array | undefined {
  if (native === undefined) return undefined;
  const byteLength = canonicalBase64ByteLength(text);
  if (byteLength === undefined) return undefined;
  try {
    return native(text, byteLength);
  } catch {
    // A platform decoder stricter than the standard says; ours decides.
    return undefined;
  }
}
