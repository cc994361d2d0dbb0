import {
  DerError,
  TAG,
  encodingOf,
  readChildren,
  readOid,
  readSmallInteger,
  readWhole,
  toHex,
  valueOf,
  type Tlv,
} from "./der";
import { decodeExtensions, type DecodedExtensions } from "./extensions";
import { findCommonName, formatDistinguishedName, readNameAttributes } from "./name";
import { HASH_ALGORITHMS, OID_RSASSA_PSS, SIGNATURE_ALGORITHMS, type HashName } from "./oids";
import { readPublicKeyInfo, type PublicKeyInfo } from "./public-key";

/** Every field of a certificate that Trustdeck shows or reasons about, read straight from the DER. */
export interface CertificateFields extends DecodedExtensions, PublicKeyInfo {
  version: number;
  /** Upper-case hex of the serial's two's-complement octets without the sign-padding byte. */
  serialNumber: string;
  subject: string;
  issuer: string;
  commonName?: string;
  notBefore: string;
  notAfter: string;
  /** OpenSSL's name (e.g. "sha256WithRSAEncryption") or the dotted OID. */
  signatureAlgorithm: string;
  signatureAlgorithmName: string;
  signatureAlgorithmOid: string;
  signatureHash?: HashName;
  /** DER of the issuer and subject Names, for exact comparison when building chains. */
  subjectDer: Uint8Array;
  issuerDer: Uint8Array;
  /** What a signature check needs: the signed bytes, the signature, the subject's key. */
  tbsDer: Uint8Array;
  signatureValue: Uint8Array;
  spkiDer: Uint8Array;
  /** RSASSA-PSS salt length from the algorithm parameters (RFC 4055 default 20). */
  pssSaltLength?: number;
}

const latin1 = new TextDecoder("latin1");
const UTC_TIME = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(Z|[+-]\d{4})$/;
const GENERALIZED_TIME = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})?(\d{2})?(?:[.,]\d+)?(Z|[+-]\d{4})?$/;

/** Decodes a UTCTime or GeneralizedTime element (RFC 5280 section 4.1.2.5) to an ISO string. */
export function readTime(bytes: Uint8Array, tlv: Tlv): string {
  const text = latin1.decode(valueOf(bytes, tlv));
  const match =
    tlv.tag === TAG.UTC_TIME
      ? UTC_TIME.exec(text)
      : tlv.tag === TAG.GENERALIZED_TIME
        ? GENERALIZED_TIME.exec(text)
        : null;
  if (!match) throw new DerError(`"${text}" is not a valid certificate date`);
  let year = Number(match[1]);
  // RFC 5280: two-digit years 50-99 are 19xx, 00-49 are 20xx.
  if (tlv.tag === TAG.UTC_TIME) year += year >= 50 ? 1900 : 2000;
  const [month, day, hour, minute, second] = [2, 3, 4, 5, 6].map((i) => Number(match[i] ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  // Date rolls 31 February over into March; a changed month or day means the date does not exist.
  if (
    Number.isNaN(date.getTime()) ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 60
  ) {
    throw new DerError(`"${text}" is not a valid certificate date`);
  }
  const zone = match[7];
  if (zone && zone !== "Z") {
    const offset = (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5))) * (zone[0] === "+" ? 1 : -1);
    date.setTime(date.getTime() - offset * 60_000);
  }
  return date.toISOString();
}

function readSignatureAlgorithm(bytes: Uint8Array, algorithmId: Tlv) {
  const [oidTlv, parameters] = readChildren(bytes, algorithmId);
  const oid = readOid(bytes, oidTlv ?? algorithmId);
  const known = SIGNATURE_ALGORITHMS[oid];
  if (!known) return { signatureAlgorithm: oid, signatureAlgorithmName: oid, signatureAlgorithmOid: oid };
  let hash = known.hash;
  if (oid !== OID_RSASSA_PSS) {
    return {
      signatureAlgorithm: known.name,
      signatureAlgorithmName: known.friendly,
      signatureAlgorithmOid: oid,
      signatureHash: hash,
    };
  }
  // RSASSA-PSS-params (RFC 4055): [0] hashAlgorithm defaulting to SHA-1, [2] saltLength to 20.
  hash = "SHA-1";
  let pssSaltLength = 20;
  const params = parameters?.tag === TAG.SEQUENCE ? readChildren(bytes, parameters) : [];
  const inner = (tag: number) => {
    const wrapper = params.find((p) => p.tag === tag);
    return wrapper ? readChildren(bytes, wrapper)[0] : undefined;
  };
  const hashId = inner(0xa0);
  const hashOidTlv = hashId?.tag === TAG.SEQUENCE ? readChildren(bytes, hashId)[0] : undefined;
  if (hashOidTlv) hash = HASH_ALGORITHMS[readOid(bytes, hashOidTlv)] ?? hash;
  const salt = inner(0xa2);
  if (salt?.tag === TAG.INTEGER) pssSaltLength = readSmallInteger(bytes, salt) ?? pssSaltLength;
  return {
    signatureAlgorithm: known.name,
    signatureAlgorithmName: `RSA-PSS with ${hash}`,
    signatureAlgorithmOid: oid,
    signatureHash: hash,
    pssSaltLength,
  };
}

function readSerialNumber(bytes: Uint8Array, tlv: Tlv): string {
  if (tlv.tag !== TAG.INTEGER) throw new DerError("the serial number must be an INTEGER");
  const value = valueOf(bytes, tlv);
  if (value.length === 0) throw new DerError("the serial number is empty");
  // Drop the 0x00 that DER adds to keep a positive number positive; OpenSSL prints it without.
  return toHex(value.length > 1 && value[0] === 0 ? value.subarray(1) : value);
}

/**
 * Reads a DER certificate into `CertificateFields`. Throws `DerError` when the bytes are not a
 * well-formed X.509 certificate; never any other error.
 */
export function readCertificateFields(der: Uint8Array): CertificateFields {
  const certificate = readWhole(der);
  const [tbs, outerAlgorithm, signature] = readChildren(der, certificate);
  if (
    certificate.tag !== TAG.SEQUENCE ||
    tbs?.tag !== TAG.SEQUENCE ||
    outerAlgorithm?.tag !== TAG.SEQUENCE ||
    signature?.tag !== TAG.BIT_STRING
  ) {
    throw new DerError("not an X.509 certificate structure");
  }
  const items = readChildren(der, tbs);
  let index = 0;
  let version = 1;
  if (items[0]?.tag === 0xa0) {
    const [versionTlv] = readChildren(der, items[0]);
    if (!versionTlv) throw new DerError("empty certificate version");
    version = (readSmallInteger(der, versionTlv) ?? -1) + 1;
    if (version < 1 || version > 3) throw new DerError("unknown certificate version");
    index = 1;
  }
  const [serial, , issuer, validity, subject, spki] = items.slice(index, index + 6);
  if (!serial || !issuer || !validity || !subject || !spki)
    throw new DerError("the certificate is missing fields");
  const [notBefore, notAfter] = readChildren(der, validity);
  if (!notBefore || !notAfter) throw new DerError("the certificate has no validity period");
  const subjectAttributes = readNameAttributes(der, subject);
  const extensions = items.slice(index + 6).find((item) => item.tag === 0xa3);
  return {
    version,
    serialNumber: readSerialNumber(der, serial),
    subject: formatDistinguishedName(der, subject),
    issuer: formatDistinguishedName(der, issuer),
    commonName: findCommonName(subjectAttributes),
    notBefore: readTime(der, notBefore),
    notAfter: readTime(der, notAfter),
    ...readSignatureAlgorithm(der, outerAlgorithm),
    ...readPublicKeyInfo(der, spki),
    ...decodeExtensions(der, extensions),
    subjectDer: encodingOf(der, subject).slice(),
    issuerDer: encodingOf(der, issuer).slice(),
    tbsDer: encodingOf(der, tbs).slice(),
    // The BIT STRING's first octet counts unused bits; signatures always use whole octets.
    signatureValue: valueOf(der, signature).slice(1),
    spkiDer: encodingOf(der, spki).slice(),
  };
}
