import type { TimelineCertificate } from "./types";

/**
 * Only the fields the timeline draws, so that a server page hands the client component a lean
 * payload (with 5,000 certificates, issuer, serial and key details would double it).
 */
export function pickTimelineCertificate(cert: TimelineCertificate): TimelineCertificate {
  const out: TimelineCertificate = {
    key: cert.key,
    vendor: cert.vendor,
    connectionId: cert.connectionId,
    connectionName: cert.connectionName,
    setId: cert.setId,
    setLabel: cert.setLabel,
    setHref: cert.setHref,
    slot: cert.slot,
    sha256: cert.sha256,
    subject: cert.subject,
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
  };
  if (cert.state !== undefined) out.state = cert.state;
  if (cert.role !== undefined) out.role = cert.role;
  if (cert.commonName !== undefined) out.commonName = cert.commonName;
  return out;
}
