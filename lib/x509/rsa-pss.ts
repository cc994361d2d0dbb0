/**
 * RSASSA-PSS verification (RFC 8017 section 8.1.2, EMSA-PSS-VERIFY in 9.1.2) with BigInt and
 * @noble/hashes, MGF1 with the signature's own digest (as Web Crypto assumes too). Used where
 * `crypto.subtle` is missing, or lacks the digest (SHA-224).
 */
import { sha1 } from "@noble/hashes/legacy";
import { sha224, sha256, sha384, sha512 } from "@noble/hashes/sha2";
import type { HashName } from "./oids";
import { openRsaSignature } from "./rsa-pkcs1";

type Hash = (data: Uint8Array) => Uint8Array;
const HASHES: Partial<Record<HashName, Hash>> = {
  "SHA-1": sha1,
  "SHA-224": sha224,
  "SHA-256": sha256,
  "SHA-384": sha384,
  "SHA-512": sha512,
};

function mgf1(hash: Hash, seed: Uint8Array, length: number): Uint8Array {
  const mask = new Uint8Array(length);
  for (let counter = 0, offset = 0; offset < length; counter++) {
    const block = hash(
      new Uint8Array([...seed, counter >>> 24, (counter >>> 16) & 255, (counter >>> 8) & 255, counter & 255]),
    );
    mask.set(block.subarray(0, length - offset), offset);
    offset += block.length;
  }
  return mask;
}

function bigIntToBytes(value: bigint, length: number): Uint8Array {
  const hex = value.toString(16).padStart(length * 2, "0");
  if (hex.length > length * 2) return new Uint8Array(0);
  return Uint8Array.from({ length }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16));
}

/** Verifies an RSASSA-PSS signature; `undefined` for a digest this module does not know. */
export function verifyRsaPss(
  hashName: HashName | undefined,
  saltLength: number,
  spki: Uint8Array,
  signature: Uint8Array,
  data: Uint8Array,
): boolean | undefined {
  const hash = hashName ? HASHES[hashName] : undefined;
  if (!hash) return undefined;
  const opened = openRsaSignature(spki, signature);
  if (!opened) return false;
  const { key } = opened;
  const modBits = key.n.toString(2).length;
  const emBits = modBits - 1;
  const emLength = Math.ceil(emBits / 8);
  const em = bigIntToBytes(opened.m, emLength);
  const mHash = hash(data);
  const hLength = mHash.length;
  if (em.length !== emLength || emLength < hLength + saltLength + 2 || em[emLength - 1] !== 0xbc)
    return false;
  const maskedDb = em.subarray(0, emLength - hLength - 1);
  const h = em.subarray(emLength - hLength - 1, emLength - 1);
  const topBits = 8 * emLength - emBits;
  if ((maskedDb[0]! & (0xff << (8 - topBits)) & 0xff) !== 0) return false;
  const db = mgf1(hash, h, maskedDb.length).map((byte, i) => byte ^ maskedDb[i]!);
  db[0] = db[0]! & (0xff >>> topBits);
  const zeros = emLength - hLength - saltLength - 2;
  for (let i = 0; i < zeros; i++) if (db[i] !== 0) return false;
  if (db[zeros] !== 0x01) return false;
  const salt = db.subarray(db.length - saltLength);
  const expected = hash(new Uint8Array([0, 0, 0, 0, 0, 0, 0, 0, ...mHash, ...salt]));
  return expected.length === h.length && expected.every((byte, i) => byte === h[i]);
}
