/**
 * A deliberately small, bounds-checked DER/BER reader. It exists so that we can recognise what an
 * upload *is* (PFX, PKCS#8 key, CSR, ...) and read certificate fields that @peculiar/x509 either
 * hides or refuses (e.g. otherName SANs) without ever throwing anything but `DerError`.
 */

/** Thrown by the reader when bytes are not well-formed TLVs; callers map it to `ERR_CORRUPT`. */
export class DerError extends Error {
  /** `true` when the data simply ends too early, which usually means a cut-off copy. */
  readonly truncated: boolean;

  constructor(message: string, truncated = false) {
    super(message);
    this.name = "DerError";
    this.truncated = truncated;
  }
}

/** One tag-length-value element, located by offsets into the buffer it was read from. */
export interface Tlv {
  /** The identifier octet, e.g. 0x30 for SEQUENCE, 0xa0 for [0] constructed. */
  tag: number;
  constructed: boolean;
  /** Offset of the identifier octet. */
  start: number;
  valueStart: number;
  /** Exclusive end of the value (before the end-of-contents octets of an indefinite length). */
  valueEnd: number;
  /** Exclusive end of the whole element. */
  end: number;
}

export const TAG = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTF8_STRING: 0x0c,
  NUMERIC_STRING: 0x12,
  PRINTABLE_STRING: 0x13,
  T61_STRING: 0x14,
  IA5_STRING: 0x16,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  VISIBLE_STRING: 0x1a,
  UNIVERSAL_STRING: 0x1c,
  BMP_STRING: 0x1e,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

// Indefinite lengths nest; the bound keeps hostile input from exhausting the stack.
const MAX_DEPTH = 64;

/**
 * Reads the element that starts at `offset` and must end by `limit`. `der` (the default) holds it
 * to DER's length rules: definite, minimal lengths. Pass `false` only to recognise BER files
 * (PKCS#12, some PKCS#7) by their shape; certificates are always read as DER.
 */
export function readTlv(bytes: Uint8Array, offset = 0, limit = bytes.length, depth = 0, der = true): Tlv {
  if (depth > MAX_DEPTH) throw new DerError("ASN.1 nesting is too deep");
  if (offset + 2 > limit) throw new DerError("ASN.1 element is cut short", true);
  const tag = bytes[offset]!;
  // High-tag-number form never occurs in the structures we read.
  if ((tag & 0x1f) === 0x1f) throw new DerError("unsupported ASN.1 tag");
  const constructed = (tag & 0x20) !== 0;
  const first = bytes[offset + 1]!;
  let cursor = offset + 2;
  if (first === 0x80) {
    if (der)
      throw new DerError(`the element at byte ${offset} has an indefinite length, which DER does not allow`);
    if (!constructed) throw new DerError("indefinite length on a primitive element");
    while (true) {
      if (cursor + 2 > limit) throw new DerError("indefinite-length element is not terminated", true);
      if (bytes[cursor] === 0 && bytes[cursor + 1] === 0) {
        return { tag, constructed, start: offset, valueStart: offset + 2, valueEnd: cursor, end: cursor + 2 };
      }
      cursor = readTlv(bytes, cursor, limit, depth + 1, false).end;
    }
  }
  let length = first;
  if (first & 0x80) {
    const count = first & 0x7f;
    if (count > 4) throw new DerError("ASN.1 length is too large");
    if (cursor + count > limit) throw new DerError("ASN.1 length is cut short", true);
    if (der && (count === 0 || bytes[cursor] === 0)) {
      throw new DerError(
        `the length of the element at byte ${offset} is not in its shortest form, which DER requires`,
      );
    }
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[cursor + i]!;
    cursor += count;
    if (der && length < 0x80) {
      throw new DerError(
        `the length of the element at byte ${offset} is not in its shortest form, which DER requires`,
      );
    }
  }
  const end = cursor + length;
  if (end > limit) throw new DerError("ASN.1 element is longer than the data", true);
  return { tag, constructed, start: offset, valueStart: cursor, valueEnd: end, end };
}

/** Reads the direct children of a constructed element (as DER unless `der` is false). */
export function readChildren(bytes: Uint8Array, parent: Tlv, der = true): Tlv[] {
  if (!parent.constructed) throw new DerError("expected a constructed ASN.1 element");
  const children: Tlv[] = [];
  let cursor = parent.valueStart;
  while (cursor < parent.valueEnd) {
    const child = readTlv(bytes, cursor, parent.valueEnd, 0, der);
    children.push(child);
    cursor = child.end;
  }
  return children;
}

/** Reads one element that must span the whole buffer, e.g. a DER file. */
export function readWhole(bytes: Uint8Array): Tlv {
  const tlv = readTlv(bytes, 0, bytes.length);
  if (tlv.end !== bytes.length) throw new DerError("unexpected data after the ASN.1 structure");
  return tlv;
}

/** The value octets of an element (a view, not a copy). */
export function valueOf(bytes: Uint8Array, tlv: Tlv): Uint8Array {
  return bytes.subarray(tlv.valueStart, tlv.valueEnd);
}

/** The whole encoding of an element, identifier and length included (a view). */
export function encodingOf(bytes: Uint8Array, tlv: Tlv): Uint8Array {
  return bytes.subarray(tlv.start, tlv.end);
}

/** Decodes an OBJECT IDENTIFIER element to dotted form. */
export function readOid(bytes: Uint8Array, tlv: Tlv): string {
  if (tlv.tag !== TAG.OID) throw new DerError("expected an OBJECT IDENTIFIER");
  const value = valueOf(bytes, tlv);
  if (value.length === 0) throw new DerError("empty OBJECT IDENTIFIER");
  const arcs: number[] = [];
  let arc = 0;
  for (let i = 0; i < value.length; i++) {
    const byte = value[i]!;
    // A subidentifier may not start with 0x80: that would be a non-minimal (padded) encoding.
    if (byte === 0x80 && (i === 0 || (value[i - 1]! & 0x80) === 0)) {
      throw new DerError("an OBJECT IDENTIFIER has a padded (non-minimal) subidentifier");
    }
    arc = arc * 128 + (byte & 0x7f);
    if (arc > Number.MAX_SAFE_INTEGER / 128) throw new DerError("OBJECT IDENTIFIER arc is too large");
    if ((byte & 0x80) === 0) {
      arcs.push(arc);
      arc = 0;
    } else if (i === value.length - 1) {
      throw new DerError("OBJECT IDENTIFIER is cut short");
    }
  }
  const head = arcs.shift()!;
  const top = head < 40 ? 0 : head < 80 ? 1 : 2;
  return [top, head - top * 40, ...arcs].join(".");
}

/** Reads a small non-negative INTEGER (versions, path lengths); `undefined` if it does not fit. */
export function readSmallInteger(bytes: Uint8Array, tlv: Tlv): number | undefined {
  if (tlv.tag !== TAG.INTEGER) throw new DerError("expected an INTEGER");
  const value = valueOf(bytes, tlv);
  if (value.length === 0 || value.length > 6 || (value[0]! & 0x80) !== 0) return undefined;
  let result = 0;
  for (const byte of value) result = result * 256 + byte;
  return result;
}

/** Number of significant bits of an unsigned big-endian integer (e.g. an RSA modulus). */
export function bitLength(value: Uint8Array): number {
  let i = 0;
  while (i < value.length && value[i] === 0) i++;
  if (i === value.length) return 0;
  return (value.length - i - 1) * 8 + (32 - Math.clz32(value[i]!));
}

/** Upper-case hex of a byte array, no separators. */
export function toHex(bytes: Uint8Array): string {
  let hex = "";
  for (const byte of bytes) hex += byte.toString(16).padStart(2, "0");
  return hex.toUpperCase();
}

/** `true` when two byte arrays hold the same octets. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
