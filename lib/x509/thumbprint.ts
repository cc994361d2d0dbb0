/**
 * Certificate thumbprints. The hash is always named explicitly: @peculiar/x509's
 * `getThumbprint()` defaults to SHA-1, which is how SHA-1 thumbprints sneak into places that
 * should show SHA-256.
 */
import { sha1 } from "@noble/hashes/legacy";
import { sha256 } from "@noble/hashes/sha2";
import type { ThumbprintAlgorithm } from "./thumbprint-format";

export {
  formatThumbprint,
  thumbprintsEqual,
  type ThumbprintAlgorithm,
  type ThumbprintStyle,
} from "./thumbprint-format";

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
