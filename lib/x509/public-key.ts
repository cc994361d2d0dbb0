import { DerError, TAG, bitLength, readChildren, readOid, readWhole, valueOf, type Tlv } from "./der";
import { expectTag, readAlgorithmIdentifier, readBitString, readInteger } from "./der-values";
import { CURVES, KEY_ALGORITHMS, OID_EC_PUBLIC_KEY, OID_RSASSA_PSS, OID_RSA_ENCRYPTION } from "./oids";

/** What a preview needs to know about a SubjectPublicKeyInfo. */
export interface PublicKeyInfo {
  /** "RSA", "EC", "Ed25519", "Ed448", "RSA-PSS", "DSA", ... or the dotted OID. */
  algorithm: string;
  /** Modulus bits for RSA, prime bits for DSA, field size for EC. */
  keySize?: number;
  /** Named curve for EC keys, e.g. "P-256". */
  curve?: string;
}

function rsaModulusBits(key: Uint8Array): number {
  // RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }
  try {
    const [modulus, exponent, extra] = readChildren(key, expectTag(readWhole(key), TAG.SEQUENCE, "the key"));
    readInteger(key, exponent, "the exponent");
    if (extra) throw new DerError("the key has more than a modulus and an exponent");
    return bitLength(readInteger(key, modulus, "the modulus"));
  } catch (error) {
    throw new DerError(`the public key is not a well-formed RSA key (${(error as Error).message})`);
  }
}

/** Reads algorithm, size and curve from a DER SubjectPublicKeyInfo element inside `bytes`. */
export function readPublicKeyInfo(bytes: Uint8Array, spki: Tlv): PublicKeyInfo {
  const [algorithmId, bitString, extra] = readChildren(bytes, spki);
  if (extra) throw new DerError("the public key info holds more than an algorithm and a key");
  const { oid, parameters } = readAlgorithmIdentifier(bytes, algorithmId, "the public key algorithm");
  const key = readBitString(bytes, bitString, "the public key");
  const algorithm = KEY_ALGORITHMS[oid] ?? oid;
  if (oid === OID_RSA_ENCRYPTION || oid === OID_RSASSA_PSS) {
    return { algorithm, keySize: rsaModulusBits(key) };
  }
  if (oid === OID_EC_PUBLIC_KEY) {
    if (parameters?.tag === TAG.OID) {
      const curveOid = readOid(bytes, parameters);
      const curve = CURVES[curveOid];
      if (curve) return { algorithm, keySize: curve.bits, curve: curve.name };
      return { algorithm, curve: curveOid };
    }
    return { algorithm, curve: "explicit parameters" };
  }
  if (algorithm === "DSA" && parameters?.tag === TAG.SEQUENCE) {
    const [prime] = readChildren(bytes, parameters);
    if (prime) return { algorithm, keySize: bitLength(valueOf(bytes, prime)) };
  }
  return { algorithm };
}
