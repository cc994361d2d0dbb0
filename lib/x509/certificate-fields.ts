import { DerError, TAG, encodingOf, readChildren, readWhole, toHex, valueOf, type Tlv } from "./der";
import { checkBitString, expectTag, readAlgorithmIdentifier, readBitString, readInteger } from "./der-values";
import { decodeExtensions, type DecodedExtensions } from "./extensions";
import { findCommonName, formatAttributes, readNameAttributes } from "./name";
import { OID_RSASSA_PSS, SIGNATURE_ALGORITHMS, type HashName } from "./oids";
import { readPssParameters } from "./pss";
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

function readSignatureAlgorithm(bytes: Uint8Array, algorithmId: Tlv, what: string) {
  const { oid, parameters } = readAlgorithmIdentifier(bytes, algorithmId, what);
  const known = SIGNATURE_ALGORITHMS[oid];
  if (!known) return { signatureAlgorithm: oid, signatureAlgorithmName: oid, signatureAlgorithmOid: oid };
  if (oid !== OID_RSASSA_PSS) {
    return {
      signatureAlgorithm: known.name,
      signatureAlgorithmName: known.friendly,
      signatureAlgorithmOid: oid,
      signatureHash: known.hash,
    };
  }
  return {
    signatureAlgorithm: known.name,
    signatureAlgorithmOid: oid,
    ...readPssParameters(bytes, parameters),
  };
}

/** The serial as `openssl x509 -serial` prints it: hex of the magnitude, "-" first when negative. */
function readSerialNumber(bytes: Uint8Array, tlv: Tlv | undefined): string {
  const value = readInteger(bytes, tlv, "the serial number");
  if ((value[0]! & 0x80) === 0) {
    // Drop the 0x00 that DER adds to keep a positive number positive; OpenSSL prints it without.
    return toHex(value.length > 1 && value[0] === 0 ? value.subarray(1) : value);
  }
  // Two's complement: the magnitude is the inverted octets plus one.
  const magnitude = value.map((byte) => ~byte & 0xff);
  for (let i = magnitude.length - 1; i >= 0; i--) {
    magnitude[i] = (magnitude[i]! + 1) & 0xff;
    if (magnitude[i] !== 0) break;
  }
  let start = 0;
  while (start < magnitude.length - 1 && magnitude[start] === 0) start++;
  return "-" + toHex(magnitude.subarray(start));
}

function readVersion(bytes: Uint8Array, wrapper: Tlv): number {
  const [versionTlv, extra] = readChildren(bytes, wrapper);
  if (extra) throw new DerError("the version field holds more than a number");
  const value = readInteger(bytes, versionTlv, "the version");
  const version = value.length === 1 ? value[0]! + 1 : 0;
  if (version < 1 || version > 3) throw new DerError("the certificate has an unknown version");
  return version;
}

function readValidity(bytes: Uint8Array, validity: Tlv | undefined): [Tlv, Tlv] {
  const [notBefore, notAfter, extra] = readChildren(bytes, expectTag(validity, TAG.SEQUENCE, "the validity"));
  if (!notBefore || !notAfter || extra) throw new DerError("the validity is not exactly two dates");
  for (const [tlv, what] of [
    [notBefore, "the start date"],
    [notAfter, "the end date"],
  ] as const) {
    if (tlv.tag !== TAG.UTC_TIME && tlv.tag !== TAG.GENERALIZED_TIME) {
      throw new DerError(`${what} is not a UTCTime or GeneralizedTime`);
    }
  }
  return [notBefore, notAfter];
}

// After the public key, a TBSCertificate may hold only these, in this order (RFC 5280 4.1).
const TRAILING_FIELDS = [
  { tag: 0x81, what: "the issuer unique ID" },
  { tag: 0x82, what: "the subject unique ID" },
  { tag: 0xa3, what: "the extensions" },
];

function readOptionalFields(bytes: Uint8Array, items: Tlv[]): Tlv | undefined {
  let next = 0;
  let extensions: Tlv | undefined;
  for (const item of items) {
    const field = TRAILING_FIELDS.findIndex(
      (candidate, index) => index >= next && candidate.tag === item.tag,
    );
    if (field < 0) {
      const hex = item.tag.toString(16).padStart(2, "0");
      throw new DerError(`the signed part has unexpected data after the public key (tag 0x${hex})`);
    }
    next = field + 1;
    if (item.tag === 0xa3) extensions = item;
    else checkBitString(valueOf(bytes, item), TRAILING_FIELDS[field]!.what);
  }
  return extensions;
}

/**
 * Reads a DER certificate into `CertificateFields`. Throws `DerError` when the bytes are not a
 * well-formed X.509 certificate; never any other error.
 */
export function readCertificateFields(der: Uint8Array): CertificateFields {
  const certificate = expectTag(readWhole(der), TAG.SEQUENCE, "the certificate");
  const [tbs, outerAlgorithm, signature, extra] = readChildren(der, certificate);
  expectTag(tbs, TAG.SEQUENCE, "the certificate's signed part");
  if (extra) throw new DerError("the certificate has data after its signature");
  // The BIT STRING's first octet counts unused bits; signatures always use whole octets.
  const signatureValue = readBitString(der, signature, "the signature");
  const items = readChildren(der, tbs!);
  const index = items[0]?.tag === 0xa0 ? 1 : 0;
  const version = index === 1 ? readVersion(der, items[0]!) : 1;
  const [serial, innerAlgorithm, issuer, validity, subject, spki] = items.slice(index, index + 6);
  const serialNumber = readSerialNumber(der, serial);
  readAlgorithmIdentifier(der, innerAlgorithm, "the signature algorithm of the signed part");
  const issuerAttributes = readNameAttributes(
    der,
    expectTag(issuer, TAG.SEQUENCE, "the issuer"),
    "the issuer",
  );
  const [notBefore, notAfter] = readValidity(der, validity);
  const subjectAttributes = readNameAttributes(
    der,
    expectTag(subject, TAG.SEQUENCE, "the subject"),
    "the subject",
  );
  const spkiTlv = expectTag(spki, TAG.SEQUENCE, "the public key info");
  const extensions = readOptionalFields(der, items.slice(index + 6));
  return {
    version,
    serialNumber,
    subject: formatAttributes(subjectAttributes),
    issuer: formatAttributes(issuerAttributes),
    commonName: findCommonName(subjectAttributes),
    notBefore: readTime(der, notBefore),
    notAfter: readTime(der, notAfter),
    ...readSignatureAlgorithm(der, outerAlgorithm!, "the signature algorithm"),
    ...readPublicKeyInfo(der, spkiTlv),
    ...decodeExtensions(der, extensions),
    subjectDer: encodingOf(der, subject!).slice(),
    issuerDer: encodingOf(der, issuer!).slice(),
    tbsDer: encodingOf(der, tbs!).slice(),
    signatureValue: signatureValue.slice(),
    spkiDer: encodingOf(der, spkiTlv).slice(),
  };
}
