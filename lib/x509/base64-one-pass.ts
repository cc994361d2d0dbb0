/**
 * Our own one-pass base64 decoder, for platforms without a native one and for text the native
 * guard does not admit (URL-safe alphabet, `\n` escapes, other whitespace, uneven padding).
 */

/** Per ASCII code: its base64 value (both alphabets), or one of the classes below; -1 refuses. */
const WHITESPACE = 64;
const BACKSLASH = 65;
const PAD = 66;
const STANDARD = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const CLASSES = (() => {
  const table = new Int8Array(128).fill(-1);
  for (let i = 0; i < STANDARD.length; i++) table[STANDARD.charCodeAt(i)] = i;
  table[0x2d] = 62; // -
  table[0x5f] = 63; // _
  for (const code of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20]) table[code] = WHITESPACE;
  table[0x5c] = BACKSLASH;
  table[0x3d] = PAD;
  return table;
})();

/** Per Latin-1 code: its value in the standard alphabet, else -1 (sets the sign of a group). */
const STANDARD_VALUES = (() => {
  const table = new Int32Array(256).fill(-1);
  for (let i = 0; i < STANDARD.length; i++) table[STANDARD.charCodeAt(i)] = i;
  return table;
})();

// Decoded into a reused buffer, then copied once at the exact length: one allocation per body.
let scratch = new Uint8Array(4096);

/**
 * Decodes well-formed base64 (ASCII whitespace, `\n` / `\r` escapes, one alphabet, padding only
 * at the end) straight into bytes; `undefined` whenever the input needs the reference decoder.
 *
 * Whole groups of four standard characters, and line breaks between groups (a PEM line is 16
 * groups), are read four characters a step; from the first anything else on, one character a step.
 */
export function decodeOnePass(text: string): Uint8Array | undefined {
  const bound = Math.ceil((text.length * 3) / 4);
  if (scratch.length < bound) scratch = new Uint8Array(bound);
  const bytes = scratch;
  let length = 0;
  let i = 0;
  for (; i + 4 <= text.length; i += 4) {
    const first = text.charCodeAt(i);
    const second = text.charCodeAt(i + 1);
    const third = text.charCodeAt(i + 2);
    const fourth = text.charCodeAt(i + 3);
    if ((first | second | third | fourth) > 0xff) break;
    const group =
      (STANDARD_VALUES[first]! << 18) |
      (STANDARD_VALUES[second]! << 12) |
      (STANDARD_VALUES[third]! << 6) |
      STANDARD_VALUES[fourth]!;
    if (group < 0) {
      if (first !== 0x0a && first !== 0x0d) break;
      i -= 3; // a line break (LF, or either half of CRLF) between groups: step over it alone
      continue;
    }
    bytes[length++] = group >> 16;
    bytes[length++] = (group >> 8) & 0xff;
    bytes[length++] = group & 0xff;
  }
  return decodeRest(text, i, bytes, length);
}

/** The character-at-a-time state machine, from `start` (a group boundary) to the end. */
function decodeRest(text: string, start: number, bytes: Uint8Array, decoded: number): Uint8Array | undefined {
  let length = decoded;
  let quad = 0; // up to four 6-bit values, written out as three bytes
  let inQuad = 0;
  let padding = 0;
  let standard = false;
  let urlSafe = false;
  for (let i = start; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const value = code < 128 ? CLASSES[code]! : -1;
    if (value < 0) return undefined;
    if (value < 64) {
      if (padding > 0) return undefined; // a character after padding
      if (value >= 62) {
        if (code === 0x2b || code === 0x2f) standard = true;
        else urlSafe = true;
      }
      quad = (quad << 6) | value;
      if (++inQuad === 4) {
        bytes[length++] = quad >> 16;
        bytes[length++] = (quad >> 8) & 0xff;
        bytes[length++] = quad & 0xff;
        quad = 0;
        inQuad = 0;
      }
    } else if (value === PAD) {
      padding++;
    } else if (value === BACKSLASH) {
      const next = text.charCodeAt(i + 1);
      if (next !== 0x6e && next !== 0x72) return undefined; // not a \\n or \\r escape
      i++;
    }
  }
  // The groups read four at a time were standard base64: "+" or "/" there mixes the alphabets too.
  if (urlSafe && (standard || /[+/]/.test(text.slice(0, start)))) return undefined;
  if (padding > 2 || inQuad === 1) return undefined;
  // The last 2 or 3 characters hold 1 or 2 bytes; their spare low bits are dropped, as atob does.
  if (inQuad === 2) bytes[length++] = quad >> 4;
  if (inQuad === 3) {
    bytes[length++] = quad >> 10;
    bytes[length++] = (quad >> 2) & 0xff;
  }
  return bytes.slice(0, length);
}
