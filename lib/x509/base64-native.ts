/**
 * The platform's own base64 decoder, used only for text first proven well formed.
 *
 * Node's `Buffer` decoder is lenient: it skips characters outside the alphabet and stops at the
 * first `=`, so "AB*CD" or "QUJDR" would decode instead of being refused. `Uint8Array.fromBase64`
 * throws where our decoder would refuse, but it is strict about padding our decoder forgives. The
 * guard below therefore admits only text on which both agree byte for byte with
 * `decodeBase64Reference`; anything else goes to our own decoders, which say what is wrong.
 */

/** Decodes text the guard has admitted; returns bytes with a buffer of their own. */
export type NativeBase64Decoder = (base64: string) => Uint8Array;

/** The globals the native decoders are found on (`globalThis`, or a stand-in in tests). */
export interface Base64Platform {
  Uint8Array?: { fromBase64?: unknown };
  Buffer?: { from?: unknown };
}

type FromBase64 = (base64: string) => Uint8Array;
type BufferFrom = (text: string, encoding: "base64") => Uint8Array;

/** `Uint8Array.fromBase64` (TC39, in current browsers): already returns a fresh array. */
export function fromBase64Decoder(fromBase64: FromBase64): NativeBase64Decoder {
  return (base64) => fromBase64(base64);
}

/**
 * Node's `Buffer.from(text, "base64")`. Small buffers are views into a shared pool, so the bytes
 * are copied into an array of their own (code handing `bytes.buffer` on must not pass the pool).
 */
export function nodeBufferDecoder(bufferFrom: BufferFrom): NativeBase64Decoder {
  return (base64) => new Uint8Array(bufferFrom(base64, "base64"));
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
    return nodeBufferDecoder((text, encoding) => (from as BufferFrom).call(buffer, text, encoding));
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
 * `true` when the text is standard base64 that every decoder reads alike: only the characters
 * above, and a count of base64 characters that is not one more than a multiple of four (which
 * cannot encode whole bytes) with padding either absent or completing the last group exactly.
 */
export function isCanonicalStandardBase64(text: string): boolean {
  if (!STANDARD_BASE64.test(text)) return false;
  const firstPad = text.indexOf("=");
  const padding = firstPad === -1 ? 0 : text.charCodeAt(firstPad + 1) === 0x3d ? 2 : 1;
  let characters = text.length - padding;
  for (const space of SKIPPED_WHITESPACE) characters -= countOccurrences(text, space);
  if (characters % 4 === 1) return false;
  return padding === 0 || (characters + padding) % 4 === 0;
}

/**
 * Decodes with the native decoder when the text is proven well formed; `undefined` means "use our
 * own decoder" (no native decoder, text not proven, or a native decoder that refused after all).
 */
export function decodeNativeBase64(
  text: string,
  native: NativeBase64Decoder | undefined,
): Uint8Array | undefined {
  if (native === undefined || !isCanonicalStandardBase64(text)) return undefined;
  try {
    return native(text);
  } catch {
    // A platform decoder stricter than the standard says; ours decides.
    return undefined;
  }
}
