import type { SlotRole } from "@/lib/vendors/descriptor";
import { isParkedSlot } from "@/lib/vendors/descriptors";
import { expiryStatus } from "@/lib/x509/expiry";

// Client-safe and pure: what sign-in depends on in a set, and so the date it can break. Status
// counts, "Most urgent", alerts and the timeline all ask these functions, never the raw expiry.

/** A certificate as these rules need it: its slot, the vendor's state, its role and its expiry. */
export interface RoledCertificate {
  slot: string;
  state?: string;
  role?: SlotRole;
  /** ISO 8601. */
  notAfter: string;
}

/**
 * Where a certificate stands for sign-in at `now`:
 * - `expired`: sign-in depends on it and it has expired, so sign-in fails now (an outage);
 * - `lt7` / `lt30` / `lt60`: sign-in depends on it and it expires within that many days;
 * - `ok`: sign-in depends on it and it has more than 60 days left;
 * - `housekeeping`: nothing depends on it and it has expired (or the vendor says so) or expires
 *   within 60 days: remove it when convenient, sign-in does not change;
 * - `inactive`: nothing depends on it and it is far from expiry.
 */
export type CertificateImpact = "expired" | "lt7" | "lt30" | "lt60" | "ok" | "housekeeping" | "inactive";

/** The role a stored certificate had before roles were recorded: from the parked-slot rule. */
export function effectiveRole(cert: Pick<RoledCertificate, "slot" | "state" | "role">): SlotRole {
  if (cert.role) return cert.role;
  if (cert.state === "EXPIRED") return "expired-at-vendor";
  return isParkedSlot(cert) ? "inactive" : "signs-now";
}

function isExpired(cert: RoledCertificate, now: Date): boolean {
  return expiryStatus(cert.notAfter, now) === "expired";
}

/**
 * Whether sign-in depends on the certificate at `now`. A certificate that signs now always does
 * (expired, it is an outage). A trusted IdP certificate does while it is valid (the IdP may sign
 * with it); once expired it validates nothing, so it matters only when no trusted one is left.
 */
export function signInDependsOn(
  cert: RoledCertificate,
  siblings: readonly RoledCertificate[],
  now: Date,
): boolean {
  const role = effectiveRole(cert);
  if (role === "signs-now") return true;
  if (role !== "trusted-for-validation") return false;
  if (!isExpired(cert, now)) return true;
  return !siblings.some(
    (other) => effectiveRole(other) === "trusted-for-validation" && !isExpired(other, now),
  );
}

/** The impact of one certificate among its set's certificates (`siblings` may include it). */
export function certificateImpact(
  cert: RoledCertificate,
  siblings: readonly RoledCertificate[],
  now: Date,
): CertificateImpact {
  const expiry = expiryStatus(cert.notAfter, now);
  if (signInDependsOn(cert, siblings, now)) return expiry;
  const vendorExpired = cert.state === "EXPIRED";
  return vendorExpired || expiry !== "ok" ? "housekeeping" : "inactive";
}

/** The date a set's sign-in can break, with the reason in words. */
export interface BreaksAt {
  /** ISO 8601, or null when nothing in the set is something sign-in depends on. */
  at: string | null;
  /** True when it has already broken: a certificate sign-in depends on has expired. */
  outage: boolean;
  reason: string;
}

function slotName(cert: RoledCertificate): string {
  return /^[a-z]+$/.test(cert.slot)
    ? `the ${cert.slot} certificate`
    : `certificate ${cert.slot.slice(0, 12)}`;
}

function earliest<T extends RoledCertificate>(certs: readonly T[]): T | undefined {
  return [...certs].sort((a, b) => Date.parse(a.notAfter) - Date.parse(b.notAfter))[0];
}

function latest<T extends RoledCertificate>(certs: readonly T[]): T | undefined {
  return [...certs].sort((a, b) => Date.parse(b.notAfter) - Date.parse(a.notAfter))[0];
}

function signingBreak(signing: readonly RoledCertificate[], now: Date): BreaksAt | null {
  const first = earliest(signing);
  if (!first) return null;
  return isExpired(first, now)
    ? {
        at: first.notAfter,
        outage: true,
        reason: `${slotName(first)} signs now and has expired: sign-in fails.`,
      }
    : {
        at: first.notAfter,
        outage: false,
        reason: `${slotName(first)} signs now: sign-in breaks when it expires.`,
      };
}

function trustBreak(trusted: readonly RoledCertificate[], now: Date): BreaksAt | null {
  if (trusted.length === 0) return null;
  const valid = trusted.filter((cert) => !isExpired(cert, now));
  if (valid.length === 0) {
    const last = latest(trusted)!;
    return {
      at: last.notAfter,
      outage: true,
      reason:
        trusted.length === 1
          ? "The IdP's only trusted signing certificate has expired: sign-in fails."
          : `All ${trusted.length} trusted IdP signing certificates have expired: sign-in fails.`,
    };
  }
  const first = earliest(valid)!;
  return {
    at: first.notAfter,
    outage: false,
    reason:
      valid.length === 1
        ? "The IdP's only valid trusted certificate: sign-in breaks when it expires."
        : `One of ${valid.length} trusted IdP certificates: sign-in breaks when it expires if the IdP still signs with it.`,
  };
}

/**
 * The first date sign-in can break for a set, from its certificates and their roles: the earliest
 * expiry of what signs now, and of the IdP certificates trusted to validate signatures (all expired
 * is an outage). Certificates nothing depends on (standby, kept during rotation, inactive, expired
 * at the vendor) never set the date.
 */
export function breaksAt(certs: readonly RoledCertificate[], now: Date): BreaksAt {
  const signing = certs.filter((cert) => effectiveRole(cert) === "signs-now");
  const trusted = certs.filter((cert) => effectiveRole(cert) === "trusted-for-validation");
  const candidates = [signingBreak(signing, now), trustBreak(trusted, now)].filter(
    (candidate): candidate is BreaksAt => candidate !== null,
  );
  const outage = candidates.find((candidate) => candidate.outage);
  if (outage) return outage;
  const first = candidates.sort((a, b) => Date.parse(a.at!) - Date.parse(b.at!))[0];
  if (first) return first;
  return {
    at: null,
    outage: false,
    reason:
      certs.length === 0
        ? "The set holds no certificate."
        : "Nothing in this set is something sign-in depends on now.",
  };
}
