/**
 * RSASSA-PKCS1-v1_5 verification (RFC 8017 section 8.2.2) in plain TypeScript with BigInt and
 * @noble/hashes. Used where Web Crypto cannot help: pages without `crypto.subtle` (plain http on a
 * LAN address) and digests Web Crypto never offers (MD5, SHA-224), so those signatures are checked
 * rather than assumed.
 */
import { md5, sha1 } from "@noble/hashes/legacy";
import { sha224, sha256, sha384, sha512 } from "@noble/hashes/sha2";
import { DerError, TAG, readChildren, readWhole, valueOf } from "./der";
import { expectTag, readBitString, readInteger } from "./der-values";

type Hash = (data: Uint8Array) => Uint8Array;

// DigestInfo prefixes (RFC 8017 section 9.2, note 1): the DER of AlgorithmIdentifier + OCTET STRING header.
const DIGESTS: Record<string, { hash: Hash; prefix: string }> = {
  "1.2.840.113549.1.1.4": { hash: md5, prefix: "3020300c06082a864886f70d020505000410" },
  "1.2.840.113549.1.1.5": { hash: sha1, prefix: "3021300906052b0e03021a05000414" },
  "1.3.14.3.2.29": { hash: sha1, prefix: "3021300906052b0e03021a05000414" },
  "1.2.840.113549.1.1.14": { hash: sha224, prefix: "302d300d06096086480165030402040500041c" },
  "1.2.840.113549.1.1.11": { hash: sha256, prefix: "3031300d060960864801650304020105000420" },
  "1.2.840.113549.1.1.12": { hash: sha384, prefix: "3041300d060960864801650304020205000430" },
  "1.2.840.113549.1.1.13": { hash: sha512, prefix: "3051300d060960864801650304020305000440" },
};

/** `true` when this module can check signatures with that algorithm OID. */
export function supportsRsaPkcs1(signatureOid: string): boolean {
  return signatureOid in DIGESTS;
}

export const toBigInt = (bytes: Uint8Array) =>
  bytes.length === 0 ? 0n : BigInt("0x" + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join(""));

export function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
  }
  return result;
}

export function readRsaKey(spki: Uint8Array): { n: bigint; e: bigint; size: number } {
  const [, bitString] = readChildren(spki, readWhole(spki));
  const key = readBitString(spki, bitString, "the public key");
  const [modulus, exponent] = readChildren(key, expectTag(readWhole(key), TAG.SEQUENCE, "the RSA key"));
  let n = readInteger(key, modulus, "the modulus");
  while (n.length > 1 && n[0] === 0) n = n.subarray(1);
  return { n: toBigInt(n), e: toBigInt(valueOf(key, exponent!)), size: n.length };
}

/**
 * The RSA public operation on a signature (s^e mod n), shared by PKCS#1 v1.5 and PSS: false when
 * the key is unreadable or the signature cannot be one for this key (wrong length, s ≥ n).
 */
export function openRsaSignature(
  spki: Uint8Array,
  signature: Uint8Array,
): { key: ReturnType<typeof readRsaKey>; m: bigint } | false {
  let key: ReturnType<typeof readRsaKey>;
  try {
    key = readRsaKey(spki);
  } catch (error) {
    if (error instanceof DerError) return false;
    throw error;
  }
  if (signature.length !== key.size || key.n === 0n) return false;
  const s = toBigInt(signature);
  if (s >= key.n) return false;
  return { key, m: modPow(s, key.e, key.n) };
}

/**
 * Verifies an RSASSA-PKCS1-v1_5 signature over `data` with the key in `spki` (DER
 * SubjectPublicKeyInfo). Returns `undefined` for an algorithm this module does not know.
 */
export function verifyRsaPkcs1(
  signatureOid: string,
  spki: Uint8Array,
  signature: Uint8Array,
  data: Uint8Array,
): boolean | undefined {
  const digest = DIGESTS[signatureOid];
  if (!digest) return undefined;
  const opened = openRsaSignature(spki, signature);
  if (!opened) return false;
  const { key } = opened;
  const em = opened.m.toString(16).padStart(key.size * 2, "0");
  const hash = Array.from(digest.hash(data), (b) => b.toString(16).padStart(2, "0")).join("");
  const tail = "00" + digest.prefix + hash;
  const padding = key.size * 2 - 4 - tail.length;
  if (padding < 16) return false;
  return em === "0001" + "f".repeat(padding) + tail;
}
