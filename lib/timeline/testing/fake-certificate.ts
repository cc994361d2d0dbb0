import type { TimelineCertificate } from "../types";

/** A timeline certificate with made-up fields, one Cloudflare set unless `over` says otherwise. Test support only. */
export function fakeTimelineCertificate(
  key: string,
  over: Partial<TimelineCertificate> = {},
): TimelineCertificate {
  return {
    key,
    vendor: "cloudflare",
    connectionId: "c1",
    connectionName: "Acme",
    setId: "set-a",
    setLabel: "Set A",
    setHref: "/certificates/c1/set-a",
    slot: "current",
    sha256: "AB".repeat(32),
    subject: `CN=${key}`,
    notBefore: "2026-01-01T00:00:00Z",
    notAfter: "2027-01-01T00:00:00Z",
    ...over,
  };
}
