/**
 * ASN.1 character strings decoded exactly as OpenSSL decodes them (ASN1_STRING_to_UTF8), the same
 * in every browser and in Node: UTF8String must be valid UTF-8, BMPString and UniversalString whole
 * characters without surrogates, and the one-octet types (PrintableString, TeletexString, IA5String,
 * ...) are ISO 8859-1, octet for code point. (TextDecoder("latin1") is windows-1252 in browsers but
 * not in Node, so it is not used.)
 */
import { DerError, TAG } from "./der";

/** String types whose text we decode; every other tag has no text form here. */
export const STRING_TAGS: ReadonlySet<number> = new Set([
  TAG.UTF8_STRING,
  TAG.NUMERIC_STRING,
  TAG.PRINTABLE_STRING,
  TAG.T61_STRING,
  0x15, // VideotexString
  TAG.IA5_STRING,
  0x19, // GraphicString
  TAG.VISIBLE_STRING,
  0x1b, // GeneralString
  TAG.UNIVERSAL_STRING,
  TAG.BMP_STRING,
]);

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** ISO 8859-1: each octet is the code point of the same number. Chunked to stay off the call-stack limit. */
export function decodeLatin1(value: Uint8Array): string {
  let text = "";
  for (let i = 0; i < value.length; i += 8192) {
    text += String.fromCharCode(...value.subarray(i, i + 8192));
  }
  return text;
}

const isSurrogate = (code: number) => code >= 0xd800 && code <= 0xdfff;

function decodeWide(value: Uint8Array, width: 2 | 4, what: string): string {
  const type = width === 2 ? "BMPString" : "UniversalString";
  if (value.length % width !== 0) throw new DerError(`${what} is a ${type} cut in the middle of a character`);
  const codes: number[] = [];
  for (let i = 0; i < value.length; i += width) {
    let code = 0;
    for (let j = 0; j < width; j++) code = code * 256 + value[i + j]!;
    if (isSurrogate(code) || code > 0x10ffff) {
      throw new DerError(
        `${what} is a ${type} holding an invalid character (U+${code.toString(16).toUpperCase()})`,
      );
    }
    codes.push(code);
  }
  let text = "";
  for (let i = 0; i < codes.length; i += 8192) text += String.fromCodePoint(...codes.slice(i, i + 8192));
  return text;
}

/**
 * Decodes a string element's value; `undefined` when `tag` is not a string type. Throws `DerError`
 * naming `what` ("the subject's common name is not valid UTF-8") when the octets are not valid.
 */
export function decodeAsn1String(tag: number, value: Uint8Array, what = "a string"): string | undefined {
  switch (tag) {
    case TAG.UTF8_STRING:
      try {
        return utf8.decode(value);
      } catch {
        throw new DerError(`${what} is not valid UTF-8`);
      }
    case TAG.BMP_STRING:
      return decodeWide(value, 2, what);
    case TAG.UNIVERSAL_STRING:
      return decodeWide(value, 4, what);
    default:
      return STRING_TAGS.has(tag) ? decodeLatin1(value) : undefined;
  }
}
