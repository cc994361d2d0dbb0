import type { ParsedCertificate } from "./certificate";
import { bytesEqual } from "./der";

// Signature algorithms every Web Crypto implementation verifies. For anything else,
// @peculiar/x509 answers `false` (not an error) when it cannot verify, so a `false` is only
// believed for these; MD5, Ed448 or brainpool curves come back as "unchecked" instead.
const WEB_CRYPTO_SIGNATURES = new Set([
  "1.2.840.113549.1.1.5",
  "1.2.840.113549.1.1.11",
  "1.2.840.113549.1.1.12",
  "1.2.840.113549.1.1.13",
  "1.2.840.113549.1.1.10",
  "1.2.840.10045.4.1",
  "1.2.840.10045.4.3.2",
  "1.2.840.10045.4.3.3",
  "1.2.840.10045.4.3.4",
  "1.3.101.112",
]);
const WEB_CRYPTO_KEYS = new Set(["RSA", "RSA-PSS", "Ed25519"]);
const WEB_CRYPTO_CURVES = new Set(["P-256", "P-384", "P-521"]);

function webCryptoCanVerify(subject: ParsedCertificate, issuer: ParsedCertificate): boolean {
  const key = issuer.fields;
  const keyOk = WEB_CRYPTO_KEYS.has(key.algorithm) || (key.algorithm === "EC" && WEB_CRYPTO_CURVES.has(key.curve ?? ""));
  return keyOk && WEB_CRYPTO_SIGNATURES.has(subject.fields.signatureAlgorithmOid);
}

/**
 * Checks that `issuer`'s key signed `subject`. Returns `undefined` when the check cannot run here
 * (e.g. MD5 signatures, which Web Crypto does not implement), so callers can tell "not verified"
 * from "verified false".
 */
export async function verifySignedBy(subject: ParsedCertificate, issuer: ParsedCertificate): Promise<boolean | undefined> {
  if (!webCryptoCanVerify(subject, issuer)) return undefined;
  try {
    return await subject.x509.verify({ publicKey: issuer.x509.publicKey, signatureOnly: true });
  } catch {
    return undefined;
  }
}

/** `true` when the subject and issuer names are the same DER (RFC 5280 "self-issued"). */
export function isSelfIssued(cert: ParsedCertificate): boolean {
  return bytesEqual(cert.fields.subjectDer, cert.fields.issuerDer);
}

/**
 * Self-signed = self-issued and signed by its own key. When the signature cannot be checked
 * (unsupported algorithm), a self-issued certificate is reported self-signed: that is what it
 * claims, and the weak algorithm gets its own finding.
 */
export async function isSelfSigned(cert: ParsedCertificate): Promise<boolean> {
  if (!isSelfIssued(cert)) return false;
  return (await verifySignedBy(cert, cert)) !== false;
}
