import type { CertificateSet, CertificateSlot } from "@/lib/vendors/model";
import { withSlotRoles } from "@/lib/vendors/slot-roles";
import type { CertificateSummary } from "@/lib/x509/summary";

/** A certificate summary with made-up fields: diffing and alerts never look at the DER. Test support only. */
export function fakeSummary(
  seed: string,
  notAfter: string,
  overrides: Partial<CertificateSummary> = {},
): CertificateSummary {
  const hex = Array.from(seed.padEnd(32, "0"), (ch) => ch.charCodeAt(0).toString(16).padStart(2, "0"))
    .join("")
    .toUpperCase()
    .slice(0, 64)
    .padEnd(64, "0");
  return {
    pem: `-----BEGIN CERTIFICATE-----\n${Buffer.from(seed).toString("base64")}\n-----END CERTIFICATE-----\n`,
    sha1: hex.slice(0, 40),
    sha256: hex,
    subject: `CN=${seed}`,
    issuer: `CN=${seed}`,
    commonName: seed,
    serialNumber: "01",
    version: 3,
    notBefore: "2025-01-01T00:00:00.000Z",
    notAfter,
    keyAlgorithm: "RSA",
    keySize: 2048,
    signatureAlgorithm: "sha256WithRSAEncryption",
    signatureAlgorithmName: "RSA with SHA-256",
    subjectAltNames: [],
    keyUsage: [],
    extendedKeyUsage: [],
    selfSigned: true,
    ...overrides,
  };
}

/** A Cloudflare-like set with `current` and optional `previous`. */
export function fakeSet(
  connectionId: string,
  id: string,
  current: CertificateSummary | null,
  previous?: CertificateSummary | null,
  label = `Set ${id}`,
): CertificateSet {
  const slots: CertificateSlot[] = [{ slot: "current", certificate: current }];
  if (previous !== undefined) slots.push({ slot: "previous", certificate: previous });
  return { id, connectionId, vendor: "cloudflare", kind: "cloudflare-saml", label, slots, actions: [] };
}

/**
 * A Huawei external IdP as the adapter builds it (slot roles from the descriptor), holding
 * `certs`; `inUse` is whether the IdP is enabled (an enabled one with no certificate fails sign-in).
 */
export function fakeIdpSet(
  connectionId: string,
  id: string,
  inUse: boolean,
  certs: CertificateSummary[],
  label = `External IdP ${id}`,
): CertificateSet {
  return withSlotRoles({
    id: `idp:${id}`,
    connectionId,
    vendor: "huawei",
    kind: "huawei-idp",
    label,
    slots: certs.map((c) => ({
      slot: c.sha256.slice(0, 16),
      vendorId: c.sha256.slice(0, 16),
      certificate: c,
    })),
    actions: ["import-idp-certificate"],
    inUse,
  });
}
