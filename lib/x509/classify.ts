import { DerError, TAG, readChildren, readOid, readSmallInteger, readTlv, type Tlv } from "./der";
import { KEY_ALGORITHMS, OID_PKCS7_DATA, OID_PKCS7_SIGNED_DATA } from "./oids";

/** What a DER structure is, judged by its ASN.1 shape alone. */
export type DerKind =
  | { kind: "certificate"; length: number }
  | { kind: "pkcs7" }
  | { kind: "pkcs12" }
  | { kind: "private-key"; description: string }
  | { kind: "csr" }
  | { kind: "public-key"; description: string }
  | { kind: "crl" }
  | { kind: "other"; description: string };

const PKCS7_CONTENT_TYPES: Record<string, string> = {
  "1.2.840.113549.1.7.1": "data",
  "1.2.840.113549.1.7.3": "enveloped data (an encrypted message)",
  "1.2.840.113549.1.7.5": "digested data",
  "1.2.840.113549.1.7.6": "encrypted data",
  "1.2.840.113549.1.9.16.1.2": "authenticated data",
};

function oidAt(bytes: Uint8Array, tlv: Tlv | undefined): string | undefined {
  if (tlv?.tag !== TAG.OID) return undefined;
  return readOid(bytes, tlv);
}

function algorithmName(bytes: Uint8Array, algorithmId: Tlv | undefined): string | undefined {
  if (algorithmId?.tag !== TAG.SEQUENCE) return undefined;
  const oid = oidAt(bytes, readChildren(bytes, algorithmId, false)[0]);
  return oid === undefined ? undefined : (KEY_ALGORITHMS[oid] ?? oid);
}

function isTime(tlv: Tlv): boolean {
  return tlv.tag === TAG.UTC_TIME || tlv.tag === TAG.GENERALIZED_TIME;
}

/** Classifies the `SEQUENCE { SEQUENCE, SEQUENCE, BIT STRING }` "signed" shape. */
function classifySigned(bytes: Uint8Array, inner: Tlv): DerKind {
  const items = readChildren(bytes, inner, false);
  if (items[0]?.tag === 0xa0) return { kind: "certificate", length: 0 };
  if (items.some(isTime)) return { kind: "crl" };
  if (items.length === 4 && items[3]?.tag === 0xa0 && items[0]?.tag === TAG.INTEGER) return { kind: "csr" };
  if (items.length >= 6) return { kind: "certificate", length: 0 };
  return {
    kind: "other",
    description: "a signed ASN.1 structure that is neither a certificate nor a request",
  };
}

/**
 * Judges what a DER buffer holds from its outer ASN.1 shape. Throws `DerError` when the first
 * element is not well-formed; trailing data after it is allowed here and checked by the caller.
 */
export function classifyDer(bytes: Uint8Array): DerKind {
  const outer = readTlv(bytes, 0, bytes.length, 0, false);
  if (outer.tag !== TAG.SEQUENCE) throw new DerError("the data does not start with an ASN.1 SEQUENCE");
  const c = readChildren(bytes, outer, false);
  const [c0, c1, c2] = c;
  const length = outer.end;

  const contentType = oidAt(bytes, c0);
  if (contentType === OID_PKCS7_SIGNED_DATA && c1?.tag === 0xa0) return { kind: "pkcs7" };
  if (contentType && contentType in PKCS7_CONTENT_TYPES && c1?.tag === 0xa0) {
    return {
      kind: "other",
      description: `a PKCS#7 / CMS message holding ${PKCS7_CONTENT_TYPES[contentType]}, not certificates`,
    };
  }

  if (c0?.tag === TAG.INTEGER && readSmallInteger(bytes, c0) === 3 && c1?.tag === TAG.SEQUENCE) {
    const inner = oidAt(bytes, readChildren(bytes, c1, false)[0]);
    if (inner === OID_PKCS7_DATA || inner === OID_PKCS7_SIGNED_DATA) return { kind: "pkcs12" };
  }

  if (c.length === 3 && c0?.tag === TAG.SEQUENCE && c1?.tag === TAG.SEQUENCE && c2?.tag === TAG.BIT_STRING) {
    const kind = classifySigned(bytes, c0);
    return kind.kind === "certificate" ? { kind: "certificate", length } : kind;
  }

  if (c.length === 2 && c0?.tag === TAG.SEQUENCE && c1?.tag === TAG.BIT_STRING) {
    const name = algorithmName(bytes, c0);
    return {
      kind: "public-key",
      description: `a public key${name ? ` (${name})` : ""} in SubjectPublicKeyInfo form`,
    };
  }
  if (c.length === 2 && c0?.tag === TAG.SEQUENCE && c1?.tag === TAG.OCTET_STRING) {
    return { kind: "private-key", description: "an encrypted private key (PKCS#8)" };
  }
  if (c0?.tag === TAG.INTEGER && c1?.tag === TAG.SEQUENCE && c2?.tag === TAG.OCTET_STRING) {
    const name = algorithmName(bytes, c1);
    return {
      kind: "private-key",
      description: `an unencrypted private key (PKCS#8${name ? `, ${name}` : ""})`,
    };
  }
  if (c0?.tag === TAG.INTEGER && readSmallInteger(bytes, c0) === 1 && c1?.tag === TAG.OCTET_STRING) {
    return { kind: "private-key", description: "an EC private key (SEC1)" };
  }
  const integers = c.filter((item) => item.tag === TAG.INTEGER).length;
  if (integers === c.length && c0 && readSmallInteger(bytes, c0) === 0) {
    if (c.length >= 9) return { kind: "private-key", description: "an RSA private key (PKCS#1)" };
    if (c.length === 6) return { kind: "private-key", description: "a DSA private key" };
  }
  if (c.length === 2 && integers === 2)
    return { kind: "public-key", description: "an RSA public key (PKCS#1)" };
  return { kind: "other", description: "an ASN.1 structure that is not a certificate" };
}
