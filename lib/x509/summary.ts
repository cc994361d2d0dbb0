import type { ParsedCertificate } from "./certificate";
import { decodeCertificates } from "./decode";
import { X509InputError } from "./errors";
import { checkSelfSignature, type SignatureCheck } from "./signature";
import { computeThumbprint } from "./thumbprint";

/**
 * Everything Trustdeck shows about one certificate. Plain JSON (no Dates, no bytes), so it can
 * cross from a server component or action to the browser and be stored as is.
 */
export interface CertificateSummary {
  /** One `CERTIFICATE` block, LF line endings, 64-character lines, trailing newline. */
  pem: string;
  /** Upper-case hex without separators, of the DER. */
  sha1: string;
  sha256: string;
  /** RFC 4514, most specific first: `CN=idp.example.com,O=Example,C=DE`. */
  subject: string;
  issuer: string;
  commonName?: string;
  /** Upper-case hex, as `openssl x509 -serial` prints it. */
  serialNumber: string;
  /** 1, 2 or 3. */
  version: number;
  /** ISO 8601 (UTC). */
  notBefore: string;
  notAfter: string;
  /** "RSA" | "EC" | "Ed25519" | "Ed448" | "RSA-PSS" | "DSA" | ..., or the dotted OID. */
  keyAlgorithm: string;
  /** Bits: RSA modulus, EC field size. Absent for Ed25519 / Ed448. */
  keySize?: number;
  /** EC named curve, e.g. "P-256". */
  curve?: string;
  /** OpenSSL's name, e.g. "sha256WithRSAEncryption", or the dotted OID. */
  signatureAlgorithm: string;
  /** For people, e.g. "RSA with SHA-256". */
  signatureAlgorithmName: string;
  /** The signature's digest ("SHA-1", "MD5", ...) when it has one. */
  signatureHash?: string;
  /** `TYPE:value`: DNS, IP, email, URI, DirName, RID, otherName. */
  subjectAltNames: string[];
  /** RFC 5280 names: digitalSignature, keyEncipherment, keyCertSign, ... */
  keyUsage: string[];
  /** serverAuth, clientAuth, ... or the dotted OID. */
  extendedKeyUsage: string[];
  basicConstraints?: { ca: boolean; pathLength?: number };
  subjectKeyId?: string;
  authorityKeyId?: string;
  /** Subject equals issuer and the certificate's own key verifies its signature. */
  selfSigned: boolean;
  /**
   * The signature check, when one was possible: against its own key for a self-issued certificate,
   * or against its issuer's key when a bundle supplied the issuer. Absent when nothing could be
   * checked against (the issuer is elsewhere).
   */
  signatureCheck?: SignatureCheck;
}

/** Builds the summary of a decoded certificate (thumbprints with @noble/hashes, signature checked). */
export async function summarizeCertificate(cert: ParsedCertificate): Promise<CertificateSummary> {
  const { fields } = cert;
  const [sha1, sha256, signatureCheck] = await Promise.all([
    computeThumbprint(cert.der, "SHA-1"),
    computeThumbprint(cert.der, "SHA-256"),
    checkSelfSignature(cert),
  ]);
  const selfSigned = signatureCheck === "verified";
  const summary: CertificateSummary = {
    pem: cert.pem,
    sha1,
    sha256,
    subject: fields.subject,
    issuer: fields.issuer,
    serialNumber: fields.serialNumber,
    version: fields.version,
    notBefore: fields.notBefore,
    notAfter: fields.notAfter,
    keyAlgorithm: fields.algorithm,
    signatureAlgorithm: fields.signatureAlgorithm,
    signatureAlgorithmName: fields.signatureAlgorithmName,
    subjectAltNames: fields.subjectAltNames,
    keyUsage: fields.keyUsage,
    extendedKeyUsage: fields.extendedKeyUsage,
    selfSigned,
  };
  // Optional keys are only set when present, so the JSON has no `undefined` holes.
  if (fields.commonName !== undefined) summary.commonName = fields.commonName;
  if (fields.keySize !== undefined) summary.keySize = fields.keySize;
  if (fields.curve !== undefined) summary.curve = fields.curve;
  if (fields.signatureHash !== undefined) summary.signatureHash = fields.signatureHash;
  if (fields.basicConstraints !== undefined) summary.basicConstraints = fields.basicConstraints;
  if (fields.subjectKeyId !== undefined) summary.subjectKeyId = fields.subjectKeyId;
  if (fields.authorityKeyId !== undefined) summary.authorityKeyId = fields.authorityKeyId;
  if (signatureCheck !== undefined) summary.signatureCheck = signatureCheck;
  return summary;
}

/**
 * Decodes exactly one certificate (PEM, base64 or anything `decodeCertificates` accepts) and
 * summarises it. For server code such as vendor adapters: throws `X509InputError` with a stable
 * `.code` when the input is not exactly one certificate.
 */
export async function summarizeCertificatePem(pem: string): Promise<CertificateSummary> {
  const result = decodeCertificates(pem);
  if (!result.ok) throw new X509InputError(result.error.code, result.error.message);
  const [first, ...rest] = result.certificates;
  if (!first || rest.length > 0) {
    throw new X509InputError(
      "ERR_NOT_SINGLE_CERTIFICATE",
      `Expected exactly one certificate but found ${result.certificates.length}.`,
    );
  }
  return summarizeCertificate(first);
}
