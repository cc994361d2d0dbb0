import type { ParsedCertificate } from "./certificate";
import { bytesEqual } from "./der";

/**
 * Checks that `issuer`'s key signed `subject`. Returns `undefined` when the check cannot run here
 * (e.g. MD5 signatures, which Web Crypto does not implement), so callers can tell "not verified"
 * from "verified false".
 */
export async function verifySignedBy(subject: ParsedCertificate, issuer: ParsedCertificate): Promise<boolean | undefined> {
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
