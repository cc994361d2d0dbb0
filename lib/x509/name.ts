import { DerError, TAG, encodingOf, readChildren, readOid, readTlv, toHex, valueOf } from "./der";
import { NAME_ATTRIBUTES, OID_COMMON_NAME } from "./oids";

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

const latin1 = new TextDecoder("latin1");
const utf8 = new TextDecoder("utf-8");

function decodeUtf16Be(value: Uint8Array): string {
  let text = "";
  for (let i = 0; i + 1 < value.length; i += 2) text += String.fromCharCode((value[i]! << 8) | value[i + 1]!);
  return text;
}

function decodeUtf32Be(value: Uint8Array): string {
  let text = "";
  for (let i = 0; i + 3 < value.length; i += 4) {
    const code = ((value[i]! << 24) | (value[i + 1]! << 16) | (value[i + 2]! << 8) | value[i + 3]!) >>> 0;
    text += code <= 0x10ffff ? String.fromCodePoint(code) : "\ufffd";
  }
  return text;
}

/** Decodes an ASN.1 string element; `undefined` for anything that is not a string type. */
export function decodeAsn1String(tag: number, value: Uint8Array): string | undefined {
  switch (tag) {
    case TAG.UTF8_STRING:
      return utf8.decode(value);
    case TAG.PRINTABLE_STRING:
    case TAG.IA5_STRING:
    case TAG.NUMERIC_STRING:
    case TAG.VISIBLE_STRING:
    // TeletexString is in practice Latin-1; OpenSSL decodes it the same way.
    case TAG.T61_STRING:
      return latin1.decode(value);
    case TAG.BMP_STRING:
      return decodeUtf16Be(value);
    case TAG.UNIVERSAL_STRING:
      return decodeUtf32Be(value);
    default:
      return undefined;
  }
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

/** Reads every attribute of a DER-encoded Name (the SEQUENCE OF RelativeDistinguishedName). */
export function readNameAttributes(bytes: Uint8Array, name = readTlv(bytes)): NameAttribute[] {
  if (name.tag !== TAG.SEQUENCE) throw new DerError("a distinguished name must be a SEQUENCE");
  const attributes: NameAttribute[] = [];
  readChildren(bytes, name).forEach((rdn, rdnIndex) => {
    if (rdn.tag !== TAG.SET) throw new DerError("a relative distinguished name must be a SET");
    for (const pair of readChildren(bytes, rdn)) {
      const [typeTlv, valueTlv] = readChildren(bytes, pair);
      if (!typeTlv || !valueTlv) throw new DerError("a name attribute needs a type and a value");
      const oid = readOid(bytes, typeTlv);
      const text = decodeAsn1String(valueTlv.tag, valueOf(bytes, valueTlv));
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
export function formatDistinguishedName(bytes: Uint8Array, name = readTlv(bytes)): string {
  const attributes = readNameAttributes(bytes, name).reverse();
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
