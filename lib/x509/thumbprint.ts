/**
 * Certificate thumbprints. The hash is always named explicitly: @peculiar/x509's
 * `getThumbprint()` defaults to SHA-1, which is how SHA-1 thumbprints sneak into places that
 * should show SHA-256.
 */
import { sha1 } from "@noble/hashes/legacy";
import { sha256 } from "@noble/hashes/sha2";

export type ThumbprintAlgorithm = "SHA-1" | "SHA-256";
export type ThumbprintStyle = "colon" | "plain";

/**
 * Hashes DER bytes and returns upper-case hex without separators. @noble/hashes rather than Web
 * Crypto: `crypto.subtle` is missing on pages served over plain http from a LAN address, and the
 * preview must work there. (Async for callers written against the Web Crypto version.)
 */
export async function computeThumbprint(der: Uint8Array, algorithm: ThumbprintAlgorithm): Promise<string> {
  const digest = algorithm === "SHA-1" ? sha1(der) : sha256(der);
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0"))
    .join("")
    .toUpperCase();
}

/**
 * Formats a thumbprint for display: `"colon"` gives `AB:CD:…` (OpenSSL, most vendor consoles),
 * `"plain"` gives `ABCD…` (Windows, UiPath). Accepts hex in either style and any case.
 */
export function formatThumbprint(hex: string, style: ThumbprintStyle): string {
  const plain = hex.replace(/[\s:-]/g, "").toUpperCase();
  return style === "plain" ? plain : (plain.match(/.{1,2}/g) ?? []).join(":");
}

/** Compares two thumbprints regardless of case and separators. */
export function thumbprintsEqual(a: string, b: string): boolean {
  return formatThumbprint(a, "plain") === formatThumbprint(b, "plain");
}
