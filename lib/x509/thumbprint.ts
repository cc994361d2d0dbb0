/**
 * Certificate thumbprints. The hash is always named explicitly: @peculiar/x509's
 * `getThumbprint()` defaults to SHA-1, which is how SHA-1 thumbprints sneak into places that
 * should show SHA-256.
 */

export type ThumbprintAlgorithm = "SHA-1" | "SHA-256";
export type ThumbprintStyle = "colon" | "plain";

/** Hashes DER bytes with Web Crypto and returns upper-case hex without separators. */
export async function computeThumbprint(der: Uint8Array, algorithm: ThumbprintAlgorithm): Promise<string> {
  // Copy into a fresh ArrayBuffer: `der` may be a view into a larger (or shared) buffer.
  const digest = await crypto.subtle.digest(algorithm, der.slice().buffer);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0"))
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
