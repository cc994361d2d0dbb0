import { DerError, TAG, encodingOf, readChildren, readOid, readTlv, toHex, valueOf, type Tlv } from "./der";
import { checkAnyValue, expectTag } from "./der-values";
import { NAME_ATTRIBUTES, OID_COMMON_NAME } from "./oids";
import { decodeAsn1String } from "./strings";

export { decodeAsn1String } from "./strings";

/** One attribute of a distinguished name, in encoded order. */
export interface NameAttribute {
  oid: string;
  /** Short name (CN, O, emailAddress, ...) or the dotted OID when we have none. */
  type: string;
  /** Decoded text; `undefined` when the value is not a string type. */
  text?: string;
  /** RFC 4514 form of the value (escaped text, or `#` + hex of the DER for non-strings). */
  value: string;
  /** Index of the relative distinguished name this attribute belongs to. */
  rdn: number;
}

// Value types OpenSSL accepts in a name (B_ASN1_PRINTABLE in crypto/x509/x_name.c): these string
// types, BIT STRING, SEQUENCE and the universal tags it files as "unknown". Anything else (another
// string type, INTEGER, a context tag, ...) makes OpenSSL refuse the certificate, and us too.
const TEXT_VALUE_TAGS = new Set([0x0c, 0x12, 0x13, 0x14, 0x16, 0x1c, 0x1e]);
const OPAQUE_VALUE_TAGS = new Set([0x03, 0x07, 0x08, 0x09, 0x0b, 0x0d, 0x0e, 0x0f, 0x1d, 0x30]);

const LABELS: Record<string, string> = {
  "2.5.4.3": "common name",
  "2.5.4.6": "country",
  "2.5.4.7": "locality",
  "2.5.4.8": "state or province",
  "2.5.4.10": "organization",
  "2.5.4.11": "organizational unit",
  "1.2.840.113549.1.9.1": "email address",
};

function readValue(bytes: Uint8Array, valueTlv: Tlv, what: string): string | undefined {
  const known = TEXT_VALUE_TAGS.has(valueTlv.tag) || OPAQUE_VALUE_TAGS.has(valueTlv.tag);
  if (!known) {
    const hex = valueTlv.tag.toString(16).padStart(2, "0");
    throw new DerError(`${what} has a value of a type a name may not hold (tag 0x${hex})`);
  }
  if (valueTlv.tag !== TAG.SEQUENCE && valueTlv.constructed)
    throw new DerError(`${what} is a constructed string`);
  checkAnyValue(bytes, valueTlv, what);
  return TEXT_VALUE_TAGS.has(valueTlv.tag)
    ? decodeAsn1String(valueTlv.tag, valueOf(bytes, valueTlv), what)
    : undefined;
}

/** Escapes an attribute value as RFC 4514 section 2.4 requires (and as `openssl -nameopt RFC2253` does). */
export function escapeRfc4514Value(text: string): string {
  let out = "";
  const chars = Array.from(text);
  chars.forEach((char, index) => {
    const code = char.codePointAt(0)!;
    if (code < 0x20 || code === 0x7f) {
      out += "\\" + code.toString(16).toUpperCase().padStart(2, "0");
    } else if (',+"\\<>;'.includes(char)) {
      out += "\\" + char;
    } else if (index === 0 && (char === "#" || char === " ")) {
      out += "\\" + char;
    } else if (index === chars.length - 1 && char === " ") {
      out += "\\ ";
    } else {
      out += char;
    }
  });
  return out;
}

/**
 * Reads every attribute of a DER-encoded Name (the SEQUENCE OF RelativeDistinguishedName) as
 * strictly as OpenSSL. `owner` names the name in messages: "the subject's common name is not valid UTF-8".
 */
export function readNameAttributes(
  bytes: Uint8Array,
  name = readTlv(bytes),
  owner = "the name",
): NameAttribute[] {
  expectTag(name, TAG.SEQUENCE, owner);
  const attributes: NameAttribute[] = [];
  readChildren(bytes, name).forEach((rdn, rdnIndex) => {
    expectTag(rdn, TAG.SET, `${owner}'s part ${rdnIndex + 1}`);
    for (const pair of readChildren(bytes, rdn)) {
      const [typeTlv, valueTlv, extra] = readChildren(
        bytes,
        expectTag(pair, TAG.SEQUENCE, `an attribute of ${owner}`),
      );
      if (!typeTlv || !valueTlv || extra)
        throw new DerError(`an attribute of ${owner} is not a type and a value`);
      let oid: string;
      try {
        oid = readOid(bytes, expectTag(typeTlv, TAG.OID, `an attribute type of ${owner}`));
      } catch (error) {
        throw new DerError(`an attribute type of ${owner} is not valid (${(error as Error).message})`);
      }
      const label = LABELS[oid] ?? NAME_ATTRIBUTES[oid] ?? `attribute ${oid}`;
      const text = readValue(bytes, valueTlv, `${owner}'s ${label}`);
      const value = text === undefined ? "#" + toHex(encodingOf(bytes, valueTlv)) : escapeRfc4514Value(text);
      attributes.push({ oid, type: NAME_ATTRIBUTES[oid] ?? oid, text, value, rdn: rdnIndex });
    }
  });
  return attributes;
}

/**
 * Formats a DER-encoded Name as an RFC 4514 string: most specific RDN first, `,` between RDNs and
 * `+` inside a multi-valued RDN: the same text as `openssl x509 -nameopt RFC2253,-esc_msb,utf8`.
 */
export function formatDistinguishedName(bytes: Uint8Array, name = readTlv(bytes), owner?: string): string {
  return formatAttributes(readNameAttributes(bytes, name, owner));
}

/** RFC 4514 text of attributes already read by `readNameAttributes`. */
export function formatAttributes(encodedOrder: NameAttribute[]): string {
  const attributes = [...encodedOrder].reverse();
  // Reversing the flat list also reverses attributes inside a multi-valued RDN, as OpenSSL does;
  // RFC 4514 leaves that order open because an RDN is a SET.
  return attributes
    .map((attribute, index) => {
      const next = attributes[index + 1];
      const separator = next === undefined ? "" : next.rdn === attribute.rdn ? "+" : ",";
      return `${attribute.type}=${attribute.value}${separator}`;
    })
    .join("");
}

/** The most specific common name (the last CN in encoded order), if any. */
export function findCommonName(attributes: NameAttribute[]): string | undefined {
  const names = attributes.filter(
    (attribute) => attribute.oid === OID_COMMON_NAME && attribute.text !== undefined,
  );
  return names.at(-1)?.text;
}
