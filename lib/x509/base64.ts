/** Base64 in and out without node: modules, so the same code runs in the browser and on the server. */

/** Outcome of decoding base64 text: the bytes, or why they could not be decoded. */
export type Base64Result = { ok: true; bytes: Uint8Array } | { ok: false; reason: string };

const BASE64_BODY = /^[A-Za-z0-9+/]*={0,2}$/;
const BASE64URL_BODY = /^[A-Za-z0-9_-]*={0,2}$/;

/**
 * Decodes standard or URL-safe base64, ignoring whitespace and literal `\n` / `\r` escapes (left
 * behind when a PEM is copied out of JSON). Padding may be missing; any other character is refused.
 */
export function decodeBase64(text: string): Base64Result {
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
  if (unpadded.length % 4 === 1) return { ok: false, reason: "its base64 length is impossible (a character is missing or extra)" };
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

/** Encodes bytes as standard base64 (no line breaks). */
export function encodeBase64(bytes: Uint8Array): string {
  let binary = "";
  // Chunked so very large inputs do not overflow the argument list of fromCharCode.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** Wraps DER in one PEM block: LF line endings, 64-character lines, trailing newline. */
export function encodePem(der: Uint8Array, label = "CERTIFICATE"): string {
  const body = encodeBase64(der).replace(/(.{64})/g, "$1\n").replace(/\n$/, "");
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
}
