import type { ParsedCertificate } from "./certificate";
import { DerError, TAG, bytesEqual, readChildren, readWhole, valueOf } from "./der";
import { verifyWithNoble } from "./noble-verify";
import { OID_RSASSA_PSS } from "./oids";
import { verifyRsaPkcs1 } from "./rsa-pkcs1";
import { verifyRsaPss } from "./rsa-pss";

// Signatures are checked with Web Crypto where the page has it; without it (or for what it lacks)
// RSA PKCS#1 v1.5 (any digest, MD5 included) in plain TypeScript, and ECDSA / Ed25519 / Ed448 with
// @noble/curves, RSA-PSS in plain TypeScript. For the rest (brainpool curves, DSA, MD2) the answer
// is "not checked", never "invalid" and never "valid".

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
  const viaWebCrypto = await verifyWithWebCrypto(subject, issuer);
  if (viaWebCrypto !== undefined) return viaWebCrypto;
  const { signatureAlgorithmOid, signatureValue, tbsDer } = subject.fields;
  if (issuer.fields.algorithm === "RSA" && signatureAlgorithmOid === OID_RSASSA_PSS) {
    const { signatureHash, pssSaltLength = 20 } = subject.fields;
    return verifyRsaPss(signatureHash, pssSaltLength, issuer.fields.spkiDer, signatureValue, tbsDer);
  }
  if (issuer.fields.algorithm === "RSA") {
    return verifyRsaPkcs1(signatureAlgorithmOid, issuer.fields.spkiDer, signatureValue, tbsDer);
  }
  return verifyWithNoble(signatureAlgorithmOid, issuer.fields, signatureValue, tbsDer);
}

/** Web Crypto's verdict, or `undefined` when the page has no `crypto.subtle` or it lacks the algorithm. */
async function verifyWithWebCrypto(
  subject: ParsedCertificate,
  issuer: ParsedCertificate,
): Promise<boolean | undefined> {
  const subtle = globalThis.crypto?.subtle;
  const plan = subtle ? planVerification(subject, issuer) : undefined;
  if (!plan || !subtle) return undefined;
  let key: CryptoKey;
  try {
    key = await subtle.importKey("spki", buffer(issuer.fields.spkiDer), plan.importAlgorithm, false, [
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
    return await subtle.verify(plan.verifyAlgorithm, key, buffer(signature), buffer(subject.fields.tbsDer));
  } catch {
    return undefined;
  }
}

/** `true` when the subject and issuer names are the same DER (RFC 5280 "self-issued"). */
export function isSelfIssued(cert: ParsedCertificate): boolean {
  return bytesEqual(cert.fields.subjectDer, cert.fields.issuerDer);
}

/**
 * What a signature check concluded: it verifies, it does not (the certificate was altered or is
 * corrupt), or it could not be checked here (the algorithm has no implementation in this runtime).
 */
export type SignatureCheck = "verified" | "failed" | "not-checked";

/** `true` when the key identifiers say another key (with the same name) signed this certificate. */
function signedByAnotherKey(cert: ParsedCertificate): boolean {
  const { authorityKeyId, subjectKeyId } = cert.fields;
  return authorityKeyId !== undefined && subjectKeyId !== undefined && authorityKeyId !== subjectKeyId;
}

/**
 * Checks a self-issued certificate's signature with its own key; `undefined` when the certificate
 * is not self-issued (or its key identifiers name another key), so there is nothing to check alone.
 */
export async function checkSelfSignature(cert: ParsedCertificate): Promise<SignatureCheck | undefined> {
  if (!isSelfIssued(cert) || signedByAnotherKey(cert)) return undefined;
  const verified = await verifySignedBy(cert, cert);
  return verified === undefined ? "not-checked" : verified ? "verified" : "failed";
}

/** Self-signed = self-issued and its own key verifies its signature; nothing less. */
export async function isSelfSigned(cert: ParsedCertificate): Promise<boolean> {
  return (await checkSelfSignature(cert)) === "verified";
}
