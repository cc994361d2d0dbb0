import {
  DerError,
  TAG,
  readChildren,
  readOid,
  readSmallInteger,
  readTlv,
  toHex,
  valueOf,
  type Tlv,
} from "./der";
import { formatDistinguishedName, decodeAsn1String } from "./name";
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
  const text = () => decodeAsn1String(TAG.IA5_STRING, value) ?? "";
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
      const [inner] = readChildren(bytes, name);
      if (!inner) throw new DerError("empty directoryName");
      return `DirName:${formatDistinguishedName(bytes, inner)}`;
    }
    case 0xa0: {
      const [typeId, wrapped] = readChildren(bytes, name);
      if (!typeId) throw new DerError("empty otherName");
      const oid = readOid(bytes, typeId);
      const inner = wrapped ? readChildren(bytes, wrapped)[0] : undefined;
      const decoded = inner ? decodeAsn1String(inner.tag, valueOf(bytes, inner)) : undefined;
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
  return readChildren(bytes, readTlv(bytes)).map((name) => formatGeneralName(bytes, name));
}

function readKeyUsage(bytes: Uint8Array): string[] {
  const bits = readTlv(bytes);
  if (bits.tag !== TAG.BIT_STRING) throw new DerError("key usage must be a BIT STRING");
  const value = valueOf(bytes, bits).subarray(1);
  return KEY_USAGE_BITS.filter((_, bit) => ((value[bit >> 3] ?? 0) & (0x80 >> (bit & 7))) !== 0);
}

function readExtendedKeyUsage(bytes: Uint8Array): string[] {
  return readChildren(bytes, readTlv(bytes)).map((oidTlv) => {
    const oid = readOid(bytes, oidTlv);
    return EXTENDED_KEY_USAGES[oid] ?? oid;
  });
}

function readBasicConstraints(bytes: Uint8Array): { ca: boolean; pathLength?: number } {
  let ca = false;
  let pathLength: number | undefined;
  for (const item of readChildren(bytes, readTlv(bytes))) {
    if (item.tag === TAG.BOOLEAN) ca = valueOf(bytes, item)[0] !== 0;
    if (item.tag === TAG.INTEGER) pathLength = readSmallInteger(bytes, item);
  }
  return pathLength === undefined ? { ca } : { ca, pathLength };
}

function readAuthorityKeyId(bytes: Uint8Array): string | undefined {
  const keyId = readChildren(bytes, readTlv(bytes)).find((item) => item.tag === 0x80);
  return keyId ? toHex(valueOf(bytes, keyId)) : undefined;
}

/** Decodes the `[3] Extensions` element of a TBSCertificate (or nothing, for v1 certificates). */
export function decodeExtensions(bytes: Uint8Array, wrapper: Tlv | undefined): DecodedExtensions {
  const result: DecodedExtensions = { subjectAltNames: [], keyUsage: [], extendedKeyUsage: [] };
  if (!wrapper) return result;
  const [list] = readChildren(bytes, wrapper);
  if (!list || list.tag !== TAG.SEQUENCE) throw new DerError("extensions must be a SEQUENCE");
  const seen = new Set<string>();
  for (const extension of readChildren(bytes, list)) {
    const parts = readChildren(bytes, extension);
    const oid = readOid(bytes, parts[0] ?? extension);
    const octets = parts.at(-1);
    if (!octets || octets.tag !== TAG.OCTET_STRING)
      throw new DerError("extension value must be an OCTET STRING");
    // RFC 5280 forbids repeating an extension; the first one wins, as in most verifiers.
    if (seen.has(oid)) continue;
    seen.add(oid);
    const value = valueOf(bytes, octets);
    if (oid === OID_EXT_SUBJECT_ALT_NAME) result.subjectAltNames = readSubjectAltNames(value);
    else if (oid === OID_EXT_KEY_USAGE) result.keyUsage = readKeyUsage(value);
    else if (oid === OID_EXT_EXTENDED_KEY_USAGE) result.extendedKeyUsage = readExtendedKeyUsage(value);
    else if (oid === OID_EXT_BASIC_CONSTRAINTS) result.basicConstraints = readBasicConstraints(value);
    else if (oid === OID_EXT_SUBJECT_KEY_ID) result.subjectKeyId = toHex(valueOf(value, readTlv(value)));
    else if (oid === OID_EXT_AUTHORITY_KEY_ID) result.authorityKeyId = readAuthorityKeyId(value);
  }
  return result;
}
