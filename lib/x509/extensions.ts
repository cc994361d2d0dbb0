import {
  DerError,
  TAG,
  readChildren,
  readOid,
  readSmallInteger,
  readWhole,
  toHex,
  valueOf,
  type Tlv,
} from "./der";
import {
  checkAnyValue,
  checkInteger,
  expectTag,
  readBitString,
  readBoolean,
  readInteger,
} from "./der-values";
import { formatDistinguishedName } from "./name";
import { decodeAsn1String, decodeLatin1 } from "./strings";
import {
  EXTENDED_KEY_USAGES,
  KEY_USAGE_BITS,
  OID_EXT_AUTHORITY_KEY_ID,
  OID_EXT_BASIC_CONSTRAINTS,
  OID_EXT_EXTENDED_KEY_USAGE,
  OID_EXT_KEY_USAGE,
  OID_EXT_SUBJECT_ALT_NAME,
  OID_EXT_SUBJECT_KEY_ID,
} from "./oids";

/** The extensions a preview shows, decoded. Unknown extensions are ignored. */
export interface DecodedExtensions {
  subjectAltNames: string[];
  keyUsage: string[];
  extendedKeyUsage: string[];
  basicConstraints?: { ca: boolean; pathLength?: number };
  /** Hex, upper-case; used to link a certificate to its issuer. */
  subjectKeyId?: string;
  authorityKeyId?: string;
}

const OID_UPN = "1.3.6.1.4.1.311.20.2.3";

function formatIpAddress(value: Uint8Array): string {
  if (value.length === 4) return Array.from(value).join(".");
  if (value.length !== 16) return toHex(value);
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((value[i]! << 8) | value[i + 1]!);
  // RFC 5952: compress the longest run (length >= 2) of zero groups, lower-case hex.
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8;) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) [bestStart, bestLength] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  const hex = groups.map((group) => group.toString(16));
  if (bestStart < 0) return hex.join(":");
  return `${hex.slice(0, bestStart).join(":")}::${hex.slice(bestStart + bestLength).join(":")}`;
}

/**
 * Formats one GeneralName as `TYPE:value` (DNS, IP, email, URI, DirName, RID, otherName). Kinds
 * that have no standard text form are named rather than dropped, so nothing is silently hidden.
 */
function formatGeneralName(bytes: Uint8Array, name: Tlv): string {
  const value = valueOf(bytes, name);
  // IA5String names: OpenSSL prints the octets as they are, so do we (ISO 8859-1, octet for octet).
  const text = () => decodeLatin1(value);
  if (name.tag >= 0x80 && name.tag <= 0x88 && name.constructed) throw new DerError("a name is constructed");
  switch (name.tag) {
    case 0x81:
      return `email:${text()}`;
    case 0x82:
      return `DNS:${text()}`;
    case 0x86:
      return `URI:${text()}`;
    case 0x87:
      return `IP:${formatIpAddress(value)}`;
    case 0x88:
      return `RID:${readOid(bytes, { ...name, tag: TAG.OID })}`;
    case 0xa4: {
      const [inner, extra] = readChildren(bytes, name);
      if (!inner || extra) throw new DerError("a directory name is not exactly one name");
      return `DirName:${formatDistinguishedName(bytes, inner, "a directory name")}`;
    }
    case 0xa0: {
      const [typeId, wrapped, extra] = readChildren(bytes, name);
      const oid = readOid(bytes, expectTag(typeId, TAG.OID, "an otherName's type"));
      if (wrapped?.tag !== 0xa0 || extra) throw new DerError("an otherName is not a type and a value");
      const [inner, extraValue] = readChildren(bytes, wrapped);
      if (!inner || extraValue) throw new DerError("an otherName's value is not exactly one element");
      if (!inner.constructed) checkAnyValue(bytes, inner, "an otherName's value");
      const decoded = decodeAsn1String(inner.tag, valueOf(bytes, inner), "an otherName's value");
      return `otherName:${oid === OID_UPN ? "UPN" : oid}:${decoded ?? "(binary)"}`;
    }
    case 0xa3:
      return "X400Name:(not shown)";
    case 0xa5:
      return "EdiPartyName:(not shown)";
    default:
      return `unknown:(tag 0x${name.tag.toString(16)})`;
  }
}

function readSubjectAltNames(bytes: Uint8Array): string[] {
  return readChildren(bytes, expectTag(readWhole(bytes), TAG.SEQUENCE, "the list")).map((name) =>
    formatGeneralName(bytes, name),
  );
}

function readKeyUsage(bytes: Uint8Array): string[] {
  const value = readBitString(bytes, readWhole(bytes), "the value");
  return KEY_USAGE_BITS.filter((_, bit) => ((value[bit >> 3] ?? 0) & (0x80 >> (bit & 7))) !== 0);
}

function readExtendedKeyUsage(bytes: Uint8Array): string[] {
  return readChildren(bytes, expectTag(readWhole(bytes), TAG.SEQUENCE, "the list")).map((oidTlv) => {
    const oid = readOid(bytes, expectTag(oidTlv, TAG.OID, "a purpose"));
    return EXTENDED_KEY_USAGES[oid] ?? oid;
  });
}

function readBasicConstraints(bytes: Uint8Array): { ca: boolean; pathLength?: number } {
  const items = readChildren(bytes, expectTag(readWhole(bytes), TAG.SEQUENCE, "the value"));
  let next = 0;
  let ca = false;
  if (items[next]?.tag === TAG.BOOLEAN) ca = readBoolean(bytes, items[next++], "the CA flag");
  let pathLength: number | undefined;
  if (items[next]?.tag === TAG.INTEGER) {
    readInteger(bytes, items[next], "the path length");
    pathLength = readSmallInteger(bytes, items[next++]!);
  }
  if (next !== items.length) throw new DerError("it holds more than a CA flag and a path length");
  return pathLength === undefined ? { ca } : { ca, pathLength };
}

function readAuthorityKeyId(bytes: Uint8Array): string | undefined {
  const items = readChildren(bytes, expectTag(readWhole(bytes), TAG.SEQUENCE, "the value"));
  let previous = 0x7f;
  for (const item of items) {
    if (item.tag !== 0x80 && item.tag !== 0xa1 && item.tag !== 0x82)
      throw new DerError("it holds an unknown field");
    if ((item.tag & 0x1f) <= (previous & 0x1f) && previous !== 0x7f)
      throw new DerError("its fields are out of order");
    if (item.tag === 0x82) checkInteger(valueOf(bytes, item), "the issuer serial");
    previous = item.tag;
  }
  const keyId = items.find((item) => item.tag === 0x80);
  return keyId ? toHex(valueOf(bytes, keyId)) : undefined;
}

const KNOWN: Record<string, { name: string; read: (value: Uint8Array, result: DecodedExtensions) => void }> =
  {
    [OID_EXT_SUBJECT_ALT_NAME]: {
      name: "subject alternative name",
      read: (value, result) => (result.subjectAltNames = readSubjectAltNames(value)),
    },
    [OID_EXT_KEY_USAGE]: {
      name: "key usage",
      read: (value, result) => (result.keyUsage = readKeyUsage(value)),
    },
    [OID_EXT_EXTENDED_KEY_USAGE]: {
      name: "extended key usage",
      read: (value, result) => (result.extendedKeyUsage = readExtendedKeyUsage(value)),
    },
    [OID_EXT_BASIC_CONSTRAINTS]: {
      name: "basic constraints",
      read: (value, result) => (result.basicConstraints = readBasicConstraints(value)),
    },
    [OID_EXT_SUBJECT_KEY_ID]: {
      name: "subject key identifier",
      read: (value, result) =>
        (result.subjectKeyId = toHex(
          valueOf(value, expectTag(readWhole(value), TAG.OCTET_STRING, "the value")),
        )),
    },
    [OID_EXT_AUTHORITY_KEY_ID]: {
      name: "authority key identifier",
      read: (value, result) => (result.authorityKeyId = readAuthorityKeyId(value)),
    },
  };

/** Reads one Extension ::= SEQUENCE { extnID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }. */
function readExtension(bytes: Uint8Array, extension: Tlv, position: number) {
  const what = `extension ${position}`;
  const parts = readChildren(bytes, expectTag(extension, TAG.SEQUENCE, what));
  let oid: string;
  try {
    oid = readOid(bytes, expectTag(parts[0], TAG.OID, `${what}'s type`));
  } catch (error) {
    throw new DerError(`${what} has an invalid type (${(error as Error).message})`);
  }
  const hasCritical = parts[1]?.tag === TAG.BOOLEAN;
  if (hasCritical) readBoolean(bytes, parts[1], `${what}'s critical flag`);
  const octets = expectTag(parts[hasCritical ? 2 : 1], TAG.OCTET_STRING, `${what}'s value`);
  if (parts.length !== (hasCritical ? 3 : 2)) throw new DerError(`${what} holds unexpected data`);
  return { oid, value: valueOf(bytes, octets) };
}

/**
 * Decodes the `[3] Extensions` element of a TBSCertificate (or nothing, for v1 certificates). An
 * extension we show that does not parse, or any extension that appears twice (RFC 5280 4.2), makes
 * the certificate refused with a sentence naming it: nothing is silently dropped.
 */
export function decodeExtensions(bytes: Uint8Array, wrapper: Tlv | undefined): DecodedExtensions {
  const result: DecodedExtensions = { subjectAltNames: [], keyUsage: [], extendedKeyUsage: [] };
  if (!wrapper) return result;
  const [list, extra] = readChildren(bytes, wrapper);
  expectTag(list, TAG.SEQUENCE, "the extensions");
  if (extra) throw new DerError("the extensions field holds more than one list");
  const seen = new Set<string>();
  readChildren(bytes, list!).forEach((extension, index) => {
    const { oid, value } = readExtension(bytes, extension, index + 1);
    const known = KNOWN[oid];
    if (seen.has(oid)) throw new DerError(`the ${known?.name ?? oid} extension appears twice`);
    seen.add(oid);
    if (!known) return;
    try {
      known.read(value, result);
    } catch (error) {
      if (!(error instanceof DerError)) throw error;
      throw new DerError(`the ${known.name} extension is not well-formed (${error.message})`);
    }
  });
  return result;
}
