import "server-only";

import { slotsFromCertificates } from "../certificate-slot";
import { withSlotRoles } from "../slot-roles";
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
  const { current_certificate: current, previous_certificate: previous } = set;
  const slots = slotsFromCertificates([
    ["current", current?.public_certificate, current ? { vendorId: current.uid } : {}],
    ["previous", previous?.public_certificate, previous ? { vendorId: previous.uid } : {}],
  ]);
  return Array.isArray(slots)
    ? withSlots(conn, set, slots)
    : slots.then((built) => withSlots(conn, set, built));
}

function withSlots(conn: Conn, set: SamlCertificateSet, slots: CertificateSlot[]): CertificateSet {
  return withSlotRoles({
    id: set.uid,
    connectionId: conn.id,
    vendor: "cloudflare",
    kind: "cloudflare-saml",
    label: `SAML encryption certificate set ${set.uid.slice(0, 8)}`,
    slots,
    actions: set.current_certificate ? ["rotate", "download-pem"] : ["rotate"],
    updatedAt: set.updated_at,
  });
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
