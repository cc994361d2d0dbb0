/**
 * Thumbprint display and comparison, without the hash functions: client components that only show
 * or compare thumbprints import this module, so @noble/hashes stays out of their bundles.
 */

export type ThumbprintAlgorithm = "SHA-1" | "SHA-256";
export type ThumbprintStyle = "colon" | "plain";

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
