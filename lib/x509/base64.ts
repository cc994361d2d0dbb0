/** Base64 in and out without node: modules, so the same code runs in the browser and on the server. */

import {
  decodeNativeBase64,
  platformBase64Decoder,
  type Base64Platform,
  type NativeBase64Decoder,
} from "./base64-native";
import { decodeOnePass } from "./base64-one-pass";

/** Outcome of decoding base64 text: the bytes, or why they could not be decoded. */
export type Base64Result = { ok: true; bytes: Uint8Array } | { ok: false; reason: string };

const BASE64_BODY = /^[A-Za-z0-9+/]*={0,2}$/;
const BASE64URL_BODY = /^[A-Za-z0-9_-]*={0,2}$/;

/**
 * Decodes standard or URL-safe base64, ignoring whitespace and literal `\n` / `\r` escapes (left
 * behind when a PEM is copied out of JSON). Padding may be missing; any other character is refused.
 *
 * Accepts and refuses exactly what `decodeBase64Reference` does, with the same bytes, but pays for
 * it once: plain standard base64 (a PEM body) goes to the platform's native decoder after one
 * regular-expression check, other well-formed text through our one-pass decoder, and only text
 * that is refused (or unusual) through the reference decoder, which says what is wrong.
 */
export const decodeBase64: (text: string) => Base64Result = createBase64Decoder(
  platformBase64Decoder(globalThis as Base64Platform),
);

/**
 * A `decodeBase64` on a given native decoder (`undefined`: our own decoders only). Exported so
 * tests can prove every path, including `Uint8Array.fromBase64` where the runtime lacks it.
 */
export function createBase64Decoder(native: NativeBase64Decoder | undefined): (text: string) => Base64Result {
  return (text) => {
    const bytes = decodeNativeBase64(text, native) ?? decodeOnePass(text);
    return bytes ? { ok: true, bytes } : decodeBase64Reference(text);
  };
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
