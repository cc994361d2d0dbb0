/**
 * Primitive values read the way OpenSSL's decoder reads them (crypto/asn1 c2i_* functions), so a
 * certificate OpenSSL refuses is refused here too. Every check throws `DerError` with a sentence
 * that names the value (`what`), e.g. "the serial number is not a minimal INTEGER".
 */
import { DerError, TAG, readChildren, readOid, valueOf, type Tlv } from "./der";

const TAG_NAMES: Record<number, string> = {
  [TAG.BOOLEAN]: "a BOOLEAN",
  [TAG.INTEGER]: "an INTEGER",
  [TAG.BIT_STRING]: "a BIT STRING",
  [TAG.OCTET_STRING]: "an OCTET STRING",
  [TAG.NULL]: "a NULL",
  [TAG.OID]: "an OBJECT IDENTIFIER",
  [TAG.SEQUENCE]: "a SEQUENCE",
  [TAG.SET]: "a SET",
};

/** Throws unless `tlv` exists and has `tag`. */
export function expectTag(tlv: Tlv | undefined, tag: number, what: string): Tlv {
  if (!tlv) throw new DerError(`${what} is missing`);
  if (tlv.tag !== tag) {
    const expected = TAG_NAMES[tag] ?? `tag 0x${tag.toString(16)}`;
    throw new DerError(`${what} must be ${expected} but has tag 0x${tlv.tag.toString(16).padStart(2, "0")}`);
  }
  return tlv;
}

/** INTEGER contents: not empty, and no redundant leading 0x00 / 0xFF octet (DER and OpenSSL). */
export function checkInteger(value: Uint8Array, what: string): void {
  if (value.length === 0) throw new DerError(`${what} is an empty INTEGER`);
  if (value.length > 1) {
    const [first, second] = [value[0]!, value[1]!];
    if ((first === 0x00 && second < 0x80) || (first === 0xff && second >= 0x80)) {
      throw new DerError(`${what} is an INTEGER with a redundant leading octet (not minimal)`);
    }
  }
}

/** Reads an INTEGER's two's-complement octets after checking its encoding. */
export function readInteger(bytes: Uint8Array, tlv: Tlv | undefined, what: string): Uint8Array {
  const value = valueOf(bytes, expectTag(tlv, TAG.INTEGER, what));
  checkInteger(value, what);
  return value;
}

/** BOOLEAN: exactly one octet; any non-zero octet is true, as OpenSSL reads it. */
export function readBoolean(bytes: Uint8Array, tlv: Tlv | undefined, what: string): boolean {
  const value = valueOf(bytes, expectTag(tlv, TAG.BOOLEAN, what));
  if (value.length !== 1) throw new DerError(`${what} is a BOOLEAN of ${value.length} octets instead of 1`);
  return value[0] !== 0;
}

/** BIT STRING contents: an unused-bits octet from 0 to 7 comes first. */
export function checkBitString(value: Uint8Array, what: string): void {
  if (value.length === 0) throw new DerError(`${what} is an empty BIT STRING`);
  if (value[0]! > 7)
    throw new DerError(`${what} is a BIT STRING that claims ${value[0]} unused bits (at most 7)`);
}

/** Reads a BIT STRING and returns its data octets (after the unused-bits octet). */
export function readBitString(bytes: Uint8Array, tlv: Tlv | undefined, what: string): Uint8Array {
  const value = valueOf(bytes, expectTag(tlv, TAG.BIT_STRING, what));
  checkBitString(value, what);
  return value.subarray(1);
}

/**
 * Checks a universal primitive value the way OpenSSL checks an ASN.1 ANY (algorithm parameters,
 * name values): NULL empty, BOOLEAN one octet, INTEGER / ENUMERATED minimal, OBJECT IDENTIFIER
 * well-formed, BIT STRING unused bits, BMPString / UniversalString whole characters.
 */
export function checkAnyValue(bytes: Uint8Array, tlv: Tlv, what: string): void {
  const value = valueOf(bytes, tlv);
  switch (tlv.tag) {
    case TAG.NULL:
      if (value.length !== 0) throw new DerError(`${what} is a NULL with content`);
      return;
    case TAG.BOOLEAN:
      readBoolean(bytes, tlv, what);
      return;
    case TAG.INTEGER:
    case 0x0a: // ENUMERATED
      checkInteger(value, what);
      return;
    case TAG.OID:
      try {
        readOid(bytes, tlv);
      } catch (error) {
        throw new DerError(`${what} is not a valid OBJECT IDENTIFIER (${(error as Error).message})`);
      }
      return;
    case TAG.BIT_STRING:
      checkBitString(value, what);
      return;
    case TAG.BMP_STRING:
      if (value.length % 2 !== 0) throw new DerError(`${what} is a BMPString with an odd number of octets`);
      return;
    case TAG.UNIVERSAL_STRING:
      if (value.length % 4 !== 0)
        throw new DerError(`${what} is a UniversalString whose length is not a multiple of 4`);
      return;
    default:
      return;
  }
}

/**
 * Reads an AlgorithmIdentifier: SEQUENCE { OID, parameters ANY OPTIONAL }, nothing more.
 * Returns the OID and the parameters element, if any.
 */
export function readAlgorithmIdentifier(
  bytes: Uint8Array,
  tlv: Tlv | undefined,
  what: string,
): { oid: string; parameters?: Tlv } {
  const [oidTlv, parameters, extra] = readChildren(bytes, expectTag(tlv, TAG.SEQUENCE, what));
  if (extra) throw new DerError(`${what} has more than an algorithm and its parameters`);
  let oid: string;
  try {
    oid = readOid(bytes, expectTag(oidTlv, TAG.OID, `${what}'s algorithm`));
  } catch (error) {
    throw new DerError(`${what}: ${(error as Error).message}`);
  }
  if (parameters) checkAnyValue(bytes, parameters, `${what}'s parameters`);
  return parameters ? { oid, parameters } : { oid };
}
