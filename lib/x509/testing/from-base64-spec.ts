/**
 * `Uint8Array.fromBase64(text)` with its default options (alphabet "base64", lastChunkHandling
 * "loose"), written step by step from the TC39 proposal's FromBase64 algorithm, for runtimes that
 * lack it (Node 20). Tests hand it to the decoder as the browser's native path; like the real one
 * it throws a SyntaxError wherever the standard says so, and never skips a character it does not know.
 */

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
// The standard's ASCII whitespace: tab, LF, FF, CR, space (no vertical tab).
const ASCII_WHITESPACE = new Set(["\t", "\n", "\f", "\r", " "]);

function skipAsciiWhitespace(text: string, index: number): number {
  while (index < text.length && ASCII_WHITESPACE.has(text[index]!)) index++;
  return index;
}

/** DecodeBase64Chunk without throwOnExtraBits (loose): 2–4 characters to 1–3 bytes. */
function decodeChunk(chunk: string): number[] {
  const padded = chunk.padEnd(4, "A");
  const n = [...padded].reduce((value, char) => value * 64 + ALPHABET.indexOf(char), 0);
  const bytes = [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
  return bytes.slice(0, chunk.length - 1);
}

/** The proposal's `Uint8Array.fromBase64(string)` with default options. */
export function specFromBase64(text: string): Uint8Array {
  if (typeof text !== "string") throw new TypeError("fromBase64 takes a string");
  const bytes: number[] = [];
  let chunk = "";
  let index = 0;
  for (;;) {
    index = skipAsciiWhitespace(text, index);
    if (index === text.length) {
      if (chunk.length === 1) throw new SyntaxError("a lone base64 character at the end");
      if (chunk.length > 0) bytes.push(...decodeChunk(chunk));
      return new Uint8Array(bytes);
    }
    const char = text[index]!;
    index++;
    if (char === "=") {
      if (chunk.length < 2) throw new SyntaxError("padding where no characters need it");
      index = skipAsciiWhitespace(text, index);
      if (chunk.length === 2) {
        if (index === text.length) throw new SyntaxError("one '=' where two are needed");
        if (text[index] === "=") index = skipAsciiWhitespace(text, index + 1);
      }
      if (index < text.length) throw new SyntaxError("characters after the padding");
      bytes.push(...decodeChunk(chunk));
      return new Uint8Array(bytes);
    }
    if (!ALPHABET.includes(char)) throw new SyntaxError(`“${char}” is not base64`);
    chunk += char;
    if (chunk.length === 4) {
      bytes.push(...decodeChunk(chunk));
      chunk = "";
    }
  }
}
