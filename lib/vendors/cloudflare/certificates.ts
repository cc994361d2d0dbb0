import "server-only";

import { knownCertificate, slotFromCertificate } from "../certificate-slot";
import type { SlotRoleSpec } from "../descriptor";
import { deriveSlotRole, withSlotRoles } from "../slot-roles";
import type {
  CertificateActionHandlers,
  CertificateSet,
  CertificateSetAction,
  CertificateSlot,
  ConnectionFor,
} from "../model";
import { writeAfterReading } from "../reconcile";
import type { CloudflareClient } from "./client";
import type { SamlCertificateSet } from "./schemas";

/** What a Cloudflare SAML certificate set can do. */
export const CLOUDFLARE_ACTIONS = [
  "rotate",
  "download-pem",
] as const satisfies readonly CertificateSetAction[];
export type CloudflareAction = (typeof CLOUDFLARE_ACTIONS)[number];

type Conn = ConnectionFor<"cloudflare">;

/**
 * A Cloudflare SAML encryption certificate set → our set with `current` and `previous` slots; at
 * once (no promise) when both certificates are summarised already, as in every listing after the
 * first.
 */
export function toCertificateSet(
  conn: Conn,
  set: SamlCertificateSet,
): CertificateSet | Promise<CertificateSet> {
  const current = knownSlot("current", set.current_certificate);
  const previous = knownSlot("previous", set.previous_certificate);
  if (current && previous) return setOf(conn, set, [current, previous]);
  return Promise.all([
    slotOf("current", set.current_certificate),
    slotOf("previous", set.previous_certificate),
  ]).then((slots) => withSlotRoles(setOf(conn, set, slots)));
}

type SlotName = "current" | "previous";
type VendorCertificate = SamlCertificateSet["current_certificate"];

/** A certificate still to summarise (the first listing): the shared path, its role added after. */
function slotOf(name: SlotName, certificate: VendorCertificate): Promise<CertificateSlot> {
  return slotFromCertificate(
    name,
    certificate?.public_certificate,
    certificate ? { vendorId: certificate.uid } : {},
  );
}

/** Each slot's role, derived once: at Cloudflare it depends on the slot's name only. */
const ROLES = { current: roleOf("current"), previous: roleOf("previous") };

function roleOf(slot: SlotName): SlotRoleSpec {
  const spec = deriveSlotRole("cloudflare", "cloudflare-saml", { slot });
  if (!spec) throw new Error(`The Cloudflare descriptor names no role for the ${slot} slot`);
  return spec;
}

/**
 * The slot of an already summarised certificate (or of none), with its role, as one object: a
 * listing of thousands of known sets builds each slot once, not three times (`withSlotRoles`
 * copies every slot it is given). Undefined when the certificate still has to be summarised.
 * The same fields, in the same order, as the shared path gives (adapter.test.ts compares them).
 */
function knownSlot(name: SlotName, certificate: VendorCertificate): CertificateSlot | undefined {
  const summary = knownCertificate(certificate?.public_certificate);
  if (summary === undefined) return undefined;
  const { role, explanation } = ROLES[name];
  return certificate
    ? { slot: name, vendorId: certificate.uid, certificate: summary, role, roleExplanation: explanation }
    : { slot: name, certificate: summary, role, roleExplanation: explanation };
}

function setOf(conn: Conn, set: SamlCertificateSet, slots: CertificateSlot[]): CertificateSet {
  return {
    id: set.uid,
    connectionId: conn.id,
    vendor: "cloudflare",
    kind: "cloudflare-saml",
    label: `SAML encryption certificate set ${set.uid.slice(0, 8)}`,
    slots,
    actions: set.current_certificate ? ["rotate", "download-pem"] : ["rotate"],
    updatedAt: set.updated_at,
  };
}

/**
 * Rotation drops the previous certificate, which an IdP may still use: it is never retried, and
 * after a lost answer the set is re-read to tell whether the current certificate changed.
 */
export function cloudflareActionHandlers(
  clientFor: (conn: Conn) => CloudflareClient,
): CertificateActionHandlers<Conn, CloudflareAction> {
  return {
    async rotate(conn, { setId }) {
      const client = clientFor(conn);
      const rotated = await writeAfterReading(
        () => client.getSamlCertificateSet(setId),
        () => client.rotateSamlCertificateSet(setId),
        () => client.getSamlCertificateSet(setId),
        (after, before) => after.current_certificate?.uid !== before.current_certificate?.uid,
      );
      return toCertificateSet(conn, rotated);
    },
    async "download-pem"(conn, { setId }) {
      const pem = await clientFor(conn).getSamlCertificatePem(setId);
      return { filename: `cloudflare-saml-${setId}.pem`, pem };
    },
  };
}
