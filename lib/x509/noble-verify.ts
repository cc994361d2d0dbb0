/**
 * ECDSA (P-256, P-384, P-521), Ed25519 and Ed448 signature checks with @noble/curves: for pages
 * without `crypto.subtle` (plain http on a LAN address), for runtimes whose Web Crypto lacks an
 * algorithm, and for Ed448, which no Web Crypto offers.
 */
import { ed25519 } from "@noble/curves/ed25519";
import { ed448 } from "@noble/curves/ed448";
import { p256, p384, p521 } from "@noble/curves/nist";
import { sha1 } from "@noble/hashes/legacy";
import { sha224, sha256, sha384, sha512 } from "@noble/hashes/sha2";
import { readChildren, readWhole } from "./der";
import { readBitString } from "./der-values";

const ECDSA_HASHES: Record<string, (data: Uint8Array) => Uint8Array> = {
  "1.2.840.10045.4.1": sha1,
  "1.2.840.10045.4.3.1": sha224,
  "1.2.840.10045.4.3.2": sha256,
  "1.2.840.10045.4.3.3": sha384,
  "1.2.840.10045.4.3.4": sha512,
};
const CURVES = { "P-256": p256, "P-384": p384, "P-521": p521 } as const;

/** The key octets inside a DER SubjectPublicKeyInfo (an EC point, or a raw EdDSA key). */
function publicKeyOctets(spki: Uint8Array): Uint8Array {
  const [, bitString] = readChildren(spki, readWhole(spki));
  return readBitString(spki, bitString, "the public key");
}

/**
 * Verifies `signature` over `data`; `undefined` when the algorithm and key are not one of those
 * above. A malformed signature or key is a signature that does not verify (`false`).
 */
export function verifyWithNoble(
  signatureOid: string,
  key: { algorithm: string; curve?: string; spkiDer: Uint8Array },
  signature: Uint8Array,
  data: Uint8Array,
): boolean | undefined {
  const hash = ECDSA_HASHES[signatureOid];
  const curve = key.algorithm === "EC" ? CURVES[key.curve as keyof typeof CURVES] : undefined;
  const eddsa =
    signatureOid === "1.3.101.112" && key.algorithm === "Ed25519"
      ? ed25519
      : signatureOid === "1.3.101.113" && key.algorithm === "Ed448"
        ? ed448
        : undefined;
  if (!eddsa && !(hash && curve)) return undefined;
  try {
    const publicKey = publicKeyOctets(key.spkiDer);
    if (eddsa) return eddsa.verify(signature, data, publicKey);
    // X.509 carries ECDSA signatures as DER; high-S values are valid there (no low-S rule).
    return curve!.verify(signature, hash!(data), publicKey, { prehash: false, lowS: false, format: "der" });
  } catch {
    return false;
  }
}
