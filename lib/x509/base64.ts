/** Base64 in and out without node: modules, so the same code runs in the browser and on the server. */

/** Outcome of decoding base64 text: the bytes, or why they could not be decoded. */
export type Base64Result = { ok: true; bytes: Uint8Array } | { ok: false; reason: string };

const BASE64_BODY = /^[A-Za-z0-9+/]*={0,2}$/;
const BASE64URL_BODY = /^[A-Za-z0-9_-]*={0,2}$/;

/**
 * Decodes standard or URL-safe base64, ignoring whitespace and literal `\n` / `\r` escapes (left
 * behind when a PEM is copied out of JSON). Padding may be missing; any other character is refused.
 *
 * Well-formed input (ASCII whitespace, one alphabet, padding only at the end) is decoded in one
 * pass straight into bytes; anything else goes through `decodeBase64Reference`, which accepts and
 * refuses exactly the same texts and says what is wrong. A PEM bundle's bodies are almost always
 * well formed, so the preview pays for one pass, not three regular expressions and a binary string.
 */
export function decodeBase64(text: string): Base64Result {
  return decodeWellFormed(text) ?? decodeBase64Reference(text);
}

/** Per ASCII code: its base64 value (both alphabets), or one of the classes below; -1 refuses. */
const WHITESPACE = 64;
const BACKSLASH = 65;
const PAD = 66;
const CLASSES = (() => {
  const table = new Int8Array(128).fill(-1);
  const standard = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  for (let i = 0; i < standard.length; i++) table[standard.charCodeAt(i)] = i;
  table[0x2b] = table[0x2d] = 62; // + and -
  table[0x2f] = table[0x5f] = 63; // / and _
  for (const code of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20]) table[code] = WHITESPACE;
  table[0x5c] = BACKSLASH;
  table[0x3d] = PAD;
  return table;
})();

/** The one-pass decoder; undefined whenever the input needs the reference decoder. */
let scratch = new Uint8Array(4096);

function decodeWellFormed(text: string): Base64Result | undefined {
  // Decoded into a reused buffer, then copied once at the exact length: one allocation per body.
  const bound = Math.ceil((text.length * 3) / 4);
  if (scratch.length < bound) scratch = new Uint8Array(bound);
  const bytes = scratch;
  let length = 0;
  let quad = 0; // up to four 6-bit values, written out as three bytes
  let inQuad = 0;
  let padding = 0;
  let standard = false;
  let urlSafe = false;
  for (let i = 0; i < text.length; i++) {
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
  if (padding > 2 || (standard && urlSafe) || inQuad === 1) return undefined;
  // The last 2 or 3 characters hold 1 or 2 bytes; their spare low bits are dropped, as atob does.
  if (inQuad === 2) bytes[length++] = quad >> 4;
  if (inQuad === 3) {
    bytes[length++] = quad >> 10;
    bytes[length++] = (quad >> 2) & 0xff;
  }
  return { ok: true, bytes: bytes.slice(0, length) };
}

/** The reference decoder: every form `decodeBase64` accepts, and the reason for every refusal. */
export function decodeBase64Reference(text: string): Base64Result {
  const compact = text.replace(/\\[rn]/g, "").replace(/\s+/g, "");
  let normalised = compact;
  if (!BASE64_BODY.test(compact)) {
    if (!BASE64URL_BODY.test(compact)) {
      const bad = Array.from(compact).find((char) => !/[A-Za-z0-9+/=_-]/.test(char)) ?? "=";
      return { ok: false, reason: `it contains “${bad}”, which is not a base64 character` };
    }
    normalised = compact.replace(/-/g, "+").replace(/_/g, "/");
  }
  const unpadded = normalised.replace(/=+$/, "");
  if (unpadded.length % 4 === 1)
    return { ok: false, reason: "its base64 length is impossible (a character is missing or extra)" };
  const padded = unpadded + "=".repeat((4 - (unpadded.length % 4)) % 4);
  try {
    const binary = atob(padded);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return { ok: true, bytes };
  } catch {
    return { ok: false, reason: "it is not valid base64" };
  }
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Encodes bytes as standard base64 (no line breaks). A table loop: faster than btoa on a
 * byte-by-byte binary string, and no call-stack limit on large inputs. */
export function encodeBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    parts.push(ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!);
  }
  const rest = bytes.length - i;
  if (rest > 0) {
    const n = (bytes[i]! << 16) | (rest === 2 ? bytes[i + 1]! << 8 : 0);
    parts.push(
      ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + (rest === 2 ? ALPHABET[(n >> 6) & 63]! : "=") + "=",
    );
  }
  return parts.join("");
}

/** Wraps DER in one PEM block: LF line endings, 64-character lines, trailing newline. */
export function encodePem(der: Uint8Array, label = "CERTIFICATE"): string {
  const base64 = encodeBase64(der);
  const lines: string[] = [];
  for (let i = 0; i < base64.length; i += 64) lines.push(base64.slice(i, i + 64));
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}
