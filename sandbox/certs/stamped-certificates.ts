import { createHash, KeyObject, sign } from "node:crypto";
import { issueCertificate, type IssueParams, type IssuedCertificate } from "./issue-certificate";
import { toPem } from "./parse-certificate";

/** Validity dates the stamp can write: UTCTime (RFC 5280 §4.1.2.5.1) covers 1950–2049 in 13 bytes. */
const UTC_TIME_FIRST_YEAR = 1950;
const UTC_TIME_LAST_YEAR = 2049;
const TEMPLATE_NOT_BEFORE = new Date("2020-01-01T00:00:00Z");
const TEMPLATE_NOT_AFTER = new Date("2030-01-01T00:00:00Z");
const SERIAL_BYTES = 8;

/** `YYMMDDHHMMSSZ`. */
function utcTime(date: Date): Buffer {
  const year = date.getUTCFullYear();
  if (year < UTC_TIME_FIRST_YEAR || year > UTC_TIME_LAST_YEAR)
    throw new Error(`stamped certificates need validity dates within ${UTC_TIME_FIRST_YEAR}–${UTC_TIME_LAST_YEAR}`);
  const two = (n: number) => String(n).padStart(2, "0");
  return Buffer.from(
    `${two(year % 100)}${two(date.getUTCMonth() + 1)}${two(date.getUTCDate())}${two(date.getUTCHours())}${two(date.getUTCMinutes())}${two(date.getUTCSeconds())}Z`,
    "ascii",
  );
}

/** Where a field of the template sits in its DER, found once. */
function offsetOf(der: Buffer, field: Buffer, what: string): number {
  const at = der.indexOf(field);
  if (at < 0 || der.indexOf(field, at + 1) >= 0) throw new Error(`the template's ${what} is not unique`);
  return at;
}

/**
 * A real certificate used as a stamp: its serial and validity dates are rewritten in place and the
 * TBSCertificate re-signed with the template's key, about half a millisecond per certificate
 * instead of a full build. Each stamped certificate is a distinct, valid, self-signed X.509
 * certificate (its own serial, dates, thumbprints) with the template's subject, key and extensions.
 */
export class CertificateStamp {
  private constructor(
    private readonly template: Buffer,
    private readonly privateKey: KeyObject,
    private readonly offsets: { tbsStart: number; tbsEnd: number; serial: number; notBefore: number; notAfter: number },
    private readonly signatureLength: number,
  ) {}

  /** Builds the template (one ordinary issue) for a subject, key and profile. */
  static async create(params: Omit<IssueParams, "notBefore" | "notAfter" | "serialBytes" | "issuer">): Promise<CertificateStamp> {
    const issued: IssuedCertificate = await issueCertificate({
      ...params,
      notBefore: TEMPLATE_NOT_BEFORE,
      notAfter: TEMPLATE_NOT_AFTER,
      serialBytes: SERIAL_BYTES,
    });
    const der = issued.der;
    // Certificate ::= SEQUENCE (30 82 LL LL) { tbsCertificate SEQUENCE (30 82 LL LL), ... }
    if (der[0] !== 0x30 || der[1] !== 0x82 || der[4] !== 0x30 || der[5] !== 0x82)
      throw new Error("unexpected certificate layout for a stamp");
    const tbsStart = 4;
    const tbsEnd = tbsStart + 4 + der.readUInt16BE(6);
    const tbs = der.subarray(0, tbsEnd);
    const serialField = Buffer.concat([Buffer.from([0x02, SERIAL_BYTES]), Buffer.from(issued.serialHex, "hex")]);
    const modulusBits = params.keys.privateKey.algorithm as RsaHashedKeyAlgorithm;
    return new CertificateStamp(
      der,
      KeyObject.from(params.keys.privateKey),
      {
        tbsStart,
        tbsEnd,
        serial: offsetOf(tbs, serialField, "serial") + 2,
        notBefore: offsetOf(tbs, utcTime(TEMPLATE_NOT_BEFORE), "notBefore"),
        notAfter: offsetOf(tbs, utcTime(TEMPLATE_NOT_AFTER), "notAfter"),
      },
      modulusBits.modulusLength / 8,
    );
  }

  /** A distinct certificate for `label` (its serial is derived from it) valid from `notBefore` to `notAfter`. */
  issue(label: string, notBefore: Date, notAfter: Date): IssuedCertificate {
    const der = Buffer.from(this.template);
    const serial = createHash("sha256").update(label).digest().subarray(0, SERIAL_BYTES);
    serial[0] = (serial[0]! & 0x7f) | 0x01; // positive, no leading zero byte
    serial.copy(der, this.offsets.serial);
    utcTime(notBefore).copy(der, this.offsets.notBefore);
    utcTime(notAfter).copy(der, this.offsets.notAfter);
    const signature = sign("sha256", der.subarray(this.offsets.tbsStart, this.offsets.tbsEnd), this.privateKey);
    if (signature.length !== this.signatureLength) throw new Error("unexpected signature length");
    signature.copy(der, der.length - signature.length);
    const second = (d: Date) => new Date(Math.floor(d.getTime() / 1000) * 1000);
    return {
      pem: `${toPem(der)}\n`,
      der,
      serialHex: serial.toString("hex"),
      notBefore: second(notBefore),
      notAfter: second(notAfter),
    };
  }
}

const stamps = new Map<string, Promise<CertificateStamp>>();
const stamped = new Map<string, IssuedCertificate>();
const STAMPED_CACHE_LIMIT = 50_000;

/**
 * A stamped certificate, kept for the process: seeding the same large tenant again (after a
 * reset) signs nothing. The stamp itself is made once per `stampKey` (subject, profile, key).
 */
export async function issueStampedCertificate(
  stampKey: string,
  params: Omit<IssueParams, "notBefore" | "notAfter" | "serialBytes" | "issuer">,
  label: string,
  notBefore: Date,
  notAfter: Date,
): Promise<IssuedCertificate> {
  const cacheKey = `${stampKey}|${label}|${notBefore.getTime()}|${notAfter.getTime()}`;
  const hit = stamped.get(cacheKey);
  if (hit) return hit;
  let stamp = stamps.get(stampKey);
  if (!stamp) {
    stamp = CertificateStamp.create(params);
    stamps.set(stampKey, stamp);
    stamp.catch(() => stamps.delete(stampKey));
  }
  const cert = (await stamp).issue(`${stampKey}|${label}`, notBefore, notAfter);
  if (stamped.size >= STAMPED_CACHE_LIMIT) stamped.clear();
  stamped.set(cacheKey, cert);
  return cert;
}

/**
 * Issues stamped certificates of one template (`stampKey`, `params`) that are valid `validityMs`
 * up to a given expiry: what a large tenant's account needs, one call per certificate.
 */
export function stampedIssuer(
  stampKey: string,
  params: Omit<IssueParams, "notBefore" | "notAfter" | "serialBytes" | "issuer">,
  validityMs: number,
): (label: string, notAfter: Date) => Promise<IssuedCertificate> {
  return (label, notAfter) =>
    issueStampedCertificate(stampKey, params, label, new Date(notAfter.getTime() - validityMs), notAfter);
}
