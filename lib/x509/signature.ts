import type { ParsedCertificate } from "./certificate";
import { DerError, TAG, bytesEqual, readChildren, readWhole, valueOf } from "./der";

// Signatures are checked with Web Crypto directly (no @peculiar/x509 object per certificate),
// which keeps decoding fast. Only algorithms every Web Crypto implements are attempted; for the
// rest (MD5, Ed448, brainpool curves, DSA) the answer is "cannot check", never "invalid".

type VerifyPlan = {
  importAlgorithm: RsaHashedImportParams | EcKeyImportParams | Algorithm;
  verifyAlgorithm: Algorithm | RsaPssParams | EcdsaParams;
  ecdsaSize?: number;
};

const RSA_PKCS1: Record<string, string> = {
  "1.2.840.113549.1.1.5": "SHA-1",
  "1.2.840.113549.1.1.11": "SHA-256",
  "1.2.840.113549.1.1.12": "SHA-384",
  "1.2.840.113549.1.1.13": "SHA-512",
};
const ECDSA: Record<string, string> = {
  "1.2.840.10045.4.1": "SHA-1",
  "1.2.840.10045.4.3.2": "SHA-256",
  "1.2.840.10045.4.3.3": "SHA-384",
  "1.2.840.10045.4.3.4": "SHA-512",
};
const CURVE_BYTES: Record<string, number> = { "P-256": 32, "P-384": 48, "P-521": 66 };
const PSS_HASHES = new Set(["SHA-1", "SHA-256", "SHA-384", "SHA-512"]);

function planVerification(subject: ParsedCertificate, issuer: ParsedCertificate): VerifyPlan | undefined {
  const oid = subject.fields.signatureAlgorithmOid;
  const key = issuer.fields;
  const rsaKey = key.algorithm === "RSA";
  if (RSA_PKCS1[oid] && rsaKey) {
    const algorithm = { name: "RSASSA-PKCS1-v1_5", hash: RSA_PKCS1[oid] };
    return { importAlgorithm: algorithm, verifyAlgorithm: algorithm };
  }
  const pssHash = subject.fields.signatureHash;
  if (oid === "1.2.840.113549.1.1.10" && rsaKey && pssHash && PSS_HASHES.has(pssHash)) {
    return {
      importAlgorithm: { name: "RSA-PSS", hash: pssHash },
      verifyAlgorithm: { name: "RSA-PSS", saltLength: subject.fields.pssSaltLength ?? 20 } as RsaPssParams,
    };
  }
  const size = CURVE_BYTES[key.curve ?? ""];
  if (ECDSA[oid] && key.algorithm === "EC" && size) {
    return {
      importAlgorithm: { name: "ECDSA", namedCurve: key.curve! },
      verifyAlgorithm: { name: "ECDSA", hash: ECDSA[oid] } as EcdsaParams,
      ecdsaSize: size,
    };
  }
  if (oid === "1.3.101.112" && key.algorithm === "Ed25519")
    return { importAlgorithm: { name: "Ed25519" }, verifyAlgorithm: { name: "Ed25519" } };
  return undefined;
}

/** X.509 carries ECDSA signatures as DER SEQUENCE { r, s }; Web Crypto wants r ‖ s, fixed width. */
function ecdsaDerToRaw(signature: Uint8Array, size: number): Uint8Array | undefined {
  const parts = readChildren(signature, readWhole(signature));
  if (parts.length !== 2 || parts.some((part) => part.tag !== TAG.INTEGER)) return undefined;
  const raw = new Uint8Array(size * 2);
  for (const [index, part] of parts.entries()) {
    let value = valueOf(signature, part);
    while (value.length > 1 && value[0] === 0) value = value.subarray(1);
    if (value.length > size) return undefined;
    raw.set(value, size * (index + 1) - value.length);
  }
  return raw;
}

const buffer = (bytes: Uint8Array) => bytes.slice().buffer;

/**
 * Checks that `issuer`'s key signed `subject`. Returns `undefined` when the check cannot run here
 * (e.g. MD5 signatures, which Web Crypto does not implement), so callers can tell "not verified"
 * from "verified false".
 */
export async function verifySignedBy(
  subject: ParsedCertificate,
  issuer: ParsedCertificate,
): Promise<boolean | undefined> {
  const plan = planVerification(subject, issuer);
  if (!plan) return undefined;
  let key: CryptoKey;
  try {
    key = await crypto.subtle.importKey("spki", buffer(issuer.fields.spkiDer), plan.importAlgorithm, false, [
      "verify",
    ]);
  } catch {
    // The runtime lacks the algorithm (e.g. an older browser without Ed25519).
    return undefined;
  }
  let signature: Uint8Array | undefined = subject.fields.signatureValue;
  if (plan.ecdsaSize) {
    try {
      signature = ecdsaDerToRaw(signature, plan.ecdsaSize);
    } catch (error) {
      if (!(error instanceof DerError)) throw error;
      signature = undefined;
    }
    if (!signature) return false;
  }
  try {
    return await crypto.subtle.verify(
      plan.verifyAlgorithm,
      key,
      buffer(signature),
      buffer(subject.fields.tbsDer),
    );
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
