import "@abraham/reflection";
import * as x509 from "@peculiar/x509";
import { randomBytes } from "node:crypto";
import { RSA_SHA256 } from "./key-pool";

/** A certificate the sandbox generated, with what handlers need from it. */
export interface IssuedCertificate {
  pem: string;
  der: Buffer;
  serialHex: string;
  notBefore: Date;
  notAfter: Date;
}

/** What kind of certificate to build; decides the extensions. */
export type CertificateProfile = "saml-signing" | "saml-encryption" | "ca" | "tls-server";

/** Parameters of `issueCertificate`. */
export interface IssueParams {
  subject: string;
  keys: CryptoKeyPair;
  notBefore: Date;
  notAfter: Date;
  /** Serial length in bytes (8 for Cloudflare-like, 16 for Huawei-like, 20 like OpenSSL). */
  serialBytes: number;
  profile: CertificateProfile;
  /** Signed by this issuer; self-signed when omitted. */
  issuer?: { name: string; keys: CryptoKeyPair };
  /** DNS names and IP addresses for `tls-server`. */
  altNames?: { dns?: string[]; ip?: string[] };
}

/** Random positive serial of `bytes` bytes, as hex (top bit clear, never zero-led). */
export function randomSerial(bytes: number): string {
  const b = randomBytes(bytes);
  b[0] = (b[0]! & 0x7f) | 0x01;
  return b.toString("hex");
}

/** Reuse a seed certificate when its validity moved by less than this (resets re-seed often). */
const SEED_REUSE_TOLERANCE_MS = 10 * 60_000;
const seedCache = new Map<string, { params: IssueParams; cert: Promise<IssuedCertificate> }>();

/**
 * A seed certificate, generated once per label and process and reused while the
 * requested subject and validity stay the same to within ten minutes: a reset (which
 * re-seeds relative to the clock) then costs no RSA signatures.
 */
export function issueSeedCertificate(label: string, params: IssueParams): Promise<IssuedCertificate> {
  const hit = seedCache.get(label);
  const close = (a: Date, b: Date) => Math.abs(a.getTime() - b.getTime()) < SEED_REUSE_TOLERANCE_MS;
  if (hit && hit.params.subject === params.subject && close(hit.params.notBefore, params.notBefore) && close(hit.params.notAfter, params.notAfter)) {
    return hit.cert;
  }
  const cert = issueCertificate(params);
  seedCache.set(label, { params, cert });
  cert.catch(() => seedCache.delete(label));
  return cert;
}

/** Generates a real X.509 certificate, RSA with SHA-256. */
export async function issueCertificate(params: IssueParams): Promise<IssuedCertificate> {
  const serialHex = randomSerial(params.serialBytes);
  const extensions = await extensionsFor(params);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serialHex,
    subject: params.subject,
    issuer: params.issuer?.name ?? params.subject,
    notBefore: params.notBefore,
    notAfter: params.notAfter,
    signingAlgorithm: RSA_SHA256,
    publicKey: params.keys.publicKey,
    signingKey: (params.issuer?.keys ?? params.keys).privateKey,
    extensions,
  });
  const der = Buffer.from(cert.rawData);
  return { pem: cert.toString("pem"), der, serialHex, notBefore: cert.notBefore, notAfter: cert.notAfter };
}

// Seed certificates share a few keys; computing the key identifier once per key saves an export per certificate.
const skiCache = new WeakMap<CryptoKey, Promise<x509.SubjectKeyIdentifierExtension>>();

function subjectKeyIdentifier(key: CryptoKey): Promise<x509.SubjectKeyIdentifierExtension> {
  let ext = skiCache.get(key);
  if (!ext) {
    ext = x509.SubjectKeyIdentifierExtension.create(key);
    skiCache.set(key, ext);
  }
  return ext;
}

async function extensionsFor(p: IssueParams): Promise<x509.Extension[]> {
  const ski = await subjectKeyIdentifier(p.keys.publicKey);
  const u = x509.KeyUsageFlags;
  switch (p.profile) {
    case "ca":
      return [new x509.BasicConstraintsExtension(true, 0, true), new x509.KeyUsagesExtension(u.keyCertSign | u.cRLSign, true), ski];
    case "tls-server":
      return [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(u.digitalSignature | u.keyEncipherment, true),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
        new x509.SubjectAlternativeNameExtension([
          ...(p.altNames?.dns ?? []).map((value) => ({ type: "dns" as const, value })),
          ...(p.altNames?.ip ?? []).map((value) => ({ type: "ip" as const, value })),
        ]),
        ski,
        ...(p.issuer ? [await x509.AuthorityKeyIdentifierExtension.create(p.issuer.keys.publicKey)] : []),
      ];
    case "saml-encryption":
      return [new x509.BasicConstraintsExtension(false), new x509.KeyUsagesExtension(u.keyEncipherment | u.dataEncipherment), ski];
    case "saml-signing":
      return [new x509.BasicConstraintsExtension(false), new x509.KeyUsagesExtension(u.digitalSignature | u.nonRepudiation), ski];
  }
}

/** Exports a private key as PKCS#8 PEM (for the TLS server and the persisted CA). */
export async function exportPrivateKeyPem(key: CryptoKey): Promise<string> {
  const pkcs8 = Buffer.from(await crypto.subtle.exportKey("pkcs8", key));
  const b64 = pkcs8.toString("base64").replace(/(.{64})/g, "$1\n").replace(/\n$/, "");
  return `-----BEGIN PRIVATE KEY-----\n${b64}\n-----END PRIVATE KEY-----\n`;
}
