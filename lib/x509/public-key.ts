import { DerError, TAG, bitLength, readChildren, readOid, readTlv, valueOf, type Tlv } from "./der";
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

function rsaModulusBits(bytes: Uint8Array, bitString: Tlv): number {
  // The BIT STRING's first octet counts unused bits; the rest is RSAPublicKey ::= SEQUENCE { n, e }.
  const key = valueOf(bytes, bitString).subarray(1);
  const [modulus] = readChildren(key, readTlv(key));
  if (!modulus || modulus.tag !== TAG.INTEGER) throw new DerError("RSA public key has no modulus");
  return bitLength(valueOf(key, modulus));
}

/** Reads algorithm, size and curve from a DER SubjectPublicKeyInfo element inside `bytes`. */
export function readPublicKeyInfo(bytes: Uint8Array, spki: Tlv): PublicKeyInfo {
  const [algorithmId, bitString] = readChildren(bytes, spki);
  if (!algorithmId || !bitString || bitString.tag !== TAG.BIT_STRING) {
    throw new DerError("public key info must hold an algorithm and a BIT STRING");
  }
  const [oidTlv, parameters] = readChildren(bytes, algorithmId);
  const oid = readOid(bytes, oidTlv ?? algorithmId);
  const algorithm = KEY_ALGORITHMS[oid] ?? oid;
  if (oid === OID_RSA_ENCRYPTION || oid === OID_RSASSA_PSS) {
    return { algorithm, keySize: rsaModulusBits(bytes, bitString) };
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
