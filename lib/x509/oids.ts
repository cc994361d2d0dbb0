/**
 * Object identifiers we name. Names follow OpenSSL's short names wherever OpenSSL has one, so our
 * output can be checked against `openssl x509 -text` and reads the way administrators know it.
 */

export type HashName = "MD2" | "MD5" | "SHA-1" | "SHA-224" | "SHA-256" | "SHA-384" | "SHA-512";

export interface SignatureAlgorithmInfo {
  /** OpenSSL's name, e.g. "sha256WithRSAEncryption". */
  name: string;
  /** A name for people, e.g. "RSA with SHA-256". */
  friendly: string;
  /** The digest, when the OID fixes it (RSA-PSS carries it in parameters instead). */
  hash?: HashName;
}

export const SIGNATURE_ALGORITHMS: Readonly<Record<string, SignatureAlgorithmInfo>> = {
  "1.2.840.113549.1.1.2": { name: "md2WithRSAEncryption", friendly: "RSA with MD2", hash: "MD2" },
  "1.2.840.113549.1.1.4": { name: "md5WithRSAEncryption", friendly: "RSA with MD5", hash: "MD5" },
  "1.2.840.113549.1.1.5": { name: "sha1WithRSAEncryption", friendly: "RSA with SHA-1", hash: "SHA-1" },
  "1.3.14.3.2.29": { name: "sha1WithRSA", friendly: "RSA with SHA-1", hash: "SHA-1" },
  "1.2.840.113549.1.1.14": { name: "sha224WithRSAEncryption", friendly: "RSA with SHA-224", hash: "SHA-224" },
  "1.2.840.113549.1.1.11": { name: "sha256WithRSAEncryption", friendly: "RSA with SHA-256", hash: "SHA-256" },
  "1.2.840.113549.1.1.12": { name: "sha384WithRSAEncryption", friendly: "RSA with SHA-384", hash: "SHA-384" },
  "1.2.840.113549.1.1.13": { name: "sha512WithRSAEncryption", friendly: "RSA with SHA-512", hash: "SHA-512" },
  "1.2.840.113549.1.1.10": { name: "rsassaPss", friendly: "RSA-PSS" },
  "1.2.840.10045.4.1": { name: "ecdsa-with-SHA1", friendly: "ECDSA with SHA-1", hash: "SHA-1" },
  "1.2.840.10045.4.3.1": { name: "ecdsa-with-SHA224", friendly: "ECDSA with SHA-224", hash: "SHA-224" },
  "1.2.840.10045.4.3.2": { name: "ecdsa-with-SHA256", friendly: "ECDSA with SHA-256", hash: "SHA-256" },
  "1.2.840.10045.4.3.3": { name: "ecdsa-with-SHA384", friendly: "ECDSA with SHA-384", hash: "SHA-384" },
  "1.2.840.10045.4.3.4": { name: "ecdsa-with-SHA512", friendly: "ECDSA with SHA-512", hash: "SHA-512" },
  "1.2.840.10040.4.3": { name: "dsaWithSHA1", friendly: "DSA with SHA-1", hash: "SHA-1" },
  "2.16.840.1.101.3.4.3.2": { name: "dsa_with_SHA256", friendly: "DSA with SHA-256", hash: "SHA-256" },
  "1.3.101.112": { name: "ED25519", friendly: "Ed25519" },
  "1.3.101.113": { name: "ED448", friendly: "Ed448" },
};

export const HASH_ALGORITHMS: Readonly<Record<string, HashName>> = {
  "1.2.840.113549.2.2": "MD2",
  "1.2.840.113549.2.5": "MD5",
  "1.3.14.3.2.26": "SHA-1",
  "2.16.840.1.101.3.4.2.4": "SHA-224",
  "2.16.840.1.101.3.4.2.1": "SHA-256",
  "2.16.840.1.101.3.4.2.2": "SHA-384",
  "2.16.840.1.101.3.4.2.3": "SHA-512",
};

export const OID_RSA_ENCRYPTION = "1.2.840.113549.1.1.1";
export const OID_RSASSA_PSS = "1.2.840.113549.1.1.10";
export const OID_EC_PUBLIC_KEY = "1.2.840.10045.2.1";

export const KEY_ALGORITHMS: Readonly<Record<string, string>> = {
  [OID_RSA_ENCRYPTION]: "RSA",
  [OID_RSASSA_PSS]: "RSA-PSS",
  [OID_EC_PUBLIC_KEY]: "EC",
  "1.3.101.112": "Ed25519",
  "1.3.101.113": "Ed448",
  "1.3.101.110": "X25519",
  "1.3.101.111": "X448",
  "1.2.840.10040.4.1": "DSA",
};

export const CURVES: Readonly<Record<string, { name: string; bits: number }>> = {
  "1.2.840.10045.3.1.7": { name: "P-256", bits: 256 },
  "1.3.132.0.34": { name: "P-384", bits: 384 },
  "1.3.132.0.35": { name: "P-521", bits: 521 },
  "1.3.132.0.10": { name: "secp256k1", bits: 256 },
  "1.3.36.3.3.2.8.1.1.7": { name: "brainpoolP256r1", bits: 256 },
  "1.3.36.3.3.2.8.1.1.11": { name: "brainpoolP384r1", bits: 384 },
  "1.3.36.3.3.2.8.1.1.13": { name: "brainpoolP512r1", bits: 512 },
};

export { NAME_ATTRIBUTES } from "./name-attributes";

export const OID_COMMON_NAME = "2.5.4.3";

export const EXTENDED_KEY_USAGES: Readonly<Record<string, string>> = {
  "1.3.6.1.5.5.7.3.1": "serverAuth",
  "1.3.6.1.5.5.7.3.2": "clientAuth",
  "1.3.6.1.5.5.7.3.3": "codeSigning",
  "1.3.6.1.5.5.7.3.4": "emailProtection",
  "1.3.6.1.5.5.7.3.8": "timeStamping",
  "1.3.6.1.5.5.7.3.9": "OCSPSigning",
  "2.5.29.37.0": "anyExtendedKeyUsage",
  "1.3.6.1.4.1.311.20.2.2": "msSmartcardLogin",
  "1.3.6.1.4.1.311.10.3.12": "msDocumentSigning",
};

/** Key usage bits in RFC 5280 order (bit 0 first). */
export const KEY_USAGE_BITS = [
  "digitalSignature",
  "nonRepudiation",
  "keyEncipherment",
  "dataEncipherment",
  "keyAgreement",
  "keyCertSign",
  "cRLSign",
  "encipherOnly",
  "decipherOnly",
] as const;

export const OID_EXT_SUBJECT_ALT_NAME = "2.5.29.17";
export const OID_EXT_KEY_USAGE = "2.5.29.15";
export const OID_EXT_EXTENDED_KEY_USAGE = "2.5.29.37";
export const OID_EXT_BASIC_CONSTRAINTS = "2.5.29.19";
export const OID_EXT_SUBJECT_KEY_ID = "2.5.29.14";
export const OID_EXT_AUTHORITY_KEY_ID = "2.5.29.35";

export const OID_PKCS7_DATA = "1.2.840.113549.1.7.1";
export const OID_PKCS7_SIGNED_DATA = "1.2.840.113549.1.7.2";
