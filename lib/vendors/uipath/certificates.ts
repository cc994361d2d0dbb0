import "server-only";

import { slotFromCertificate } from "../certificate-slot";
import { withSlotRoles } from "../slot-roles";
import { VendorError } from "../errors";
import type {
  CertificateActionHandlers,
  CertificateSet,
  CertificateSetAction,
  ConnectionFor,
} from "../model";
import { writeAfterReading, writeWithReconciliation } from "../reconcile";
import type { UiPathClient } from "./client";
import type { SamlCertificatePair } from "./schemas";

/** The one certificate set of a UiPath organization: its SAML signing pair. */
export const UIPATH_SAML_SET_ID = "saml";

/** What the UiPath SAML pair can do. */
export const UIPATH_ACTIONS = [
  "upload-primary",
  "upload-secondary",
  "switch",
  "delete-certificate",
] as const satisfies readonly CertificateSetAction[];
export type UiPathAction = (typeof UIPATH_ACTIONS)[number];

type Conn = ConnectionFor<"uipath">;

/** Builds our set from UiPath's SamlCertificatePairDto (a 0 or null id means an empty slot). */
export async function toCertificateSet(conn: Conn, pair: SamlCertificatePair): Promise<CertificateSet> {
  const hasPrimary = Boolean(pair.primaryCertificateId) && Boolean(pair.primaryCertificate);
  const hasSecondary = Boolean(pair.secondaryCertificateId) && Boolean(pair.secondaryCertificate);
  const [primary, secondary] = await Promise.all([
    slotFromCertificate(
      "primary",
      hasPrimary ? pair.primaryCertificate : null,
      idOf(pair.primaryCertificateId),
    ),
    // Only the staged secondary may be deleted: removing the primary would break SAML sign-in.
    slotFromCertificate("secondary", hasSecondary ? pair.secondaryCertificate : null, {
      ...idOf(pair.secondaryCertificateId),
      ...(hasSecondary ? { actions: ["delete-certificate" as const] } : {}),
    }),
  ]);
  const actions: CertificateSetAction[] = ["upload-primary", "upload-secondary"];
  if (hasSecondary) actions.push("switch", "delete-certificate");
  return withSlotRoles({
    id: UIPATH_SAML_SET_ID,
    connectionId: conn.id,
    vendor: "uipath",
    kind: "uipath-saml",
    label: `SAML signing certificates of ${conn.organizationName}`,
    slots: [primary, secondary],
    actions,
  });
}

function idOf(id: number | null | undefined): { vendorId?: string } {
  return id ? { vendorId: String(id) } : {};
}

/** The set ids UiPath has: one per connection. */
export function assertSetId(setId: string): void {
  if (setId !== UIPATH_SAML_SET_ID) {
    throw new VendorError({
      vendor: "uipath",
      kind: "not-found",
      operation: `find certificate set ${setId}`,
      retryable: false,
      userMessage: "A UiPath connection has one certificate set, “saml”. Reload the page.",
    });
  }
}

/** What identifies a pair's state, to tell after a lost answer whether a write happened. */
function fingerprint(pair: SamlCertificatePair): string {
  return `${pair.primaryCertificateId ?? 0}:${pair.primaryCertificateThumbprint ?? ""}|${pair.secondaryCertificateId ?? 0}:${pair.secondaryCertificateThumbprint ?? ""}`;
}

/** The write actions on the SAML pair; each re-reads after an ambiguous failure. */
export function samlActionHandlers(
  clientFor: (conn: Conn) => UiPathClient,
): CertificateActionHandlers<Conn, UiPathAction> {
  const upload =
    (slot: "primary" | "secondary") =>
    async (conn: Conn, request: { setId: string; certificate: string }) => {
      assertSetId(request.setId);
      const client = clientFor(conn);
      const pair = await writeAfterReading(
        () => client.getSamlCertificates(),
        () => client.uploadSamlCertificate(slot, request.certificate),
        () => client.getSamlCertificates(),
        (after, before) => fingerprint(after) !== fingerprint(before),
      );
      return toCertificateSet(conn, pair);
    };
  return {
    "upload-primary": upload("primary"),
    "upload-secondary": upload("secondary"),
    async switch(conn, request) {
      assertSetId(request.setId);
      const client = clientFor(conn);
      const pair = await writeAfterReading(
        () => client.getSamlCertificates(),
        () => client.switchSamlCertificates(),
        () => client.getSamlCertificates(),
        (after, before) =>
          after.primaryCertificateId === before.secondaryCertificateId &&
          after.primaryCertificateId !== before.primaryCertificateId,
      );
      return toCertificateSet(conn, pair);
    },
    async "delete-certificate"(conn, request) {
      assertSetId(request.setId);
      const client = clientFor(conn);
      const stillThere = (pair: SamlCertificatePair) =>
        [pair.primaryCertificateId, pair.secondaryCertificateId].map(String).includes(request.certificateId);
      await writeWithReconciliation(
        () => client.deleteSamlCertificate(request.certificateId),
        () => client.getSamlCertificates(),
        (after) => !stillThere(after),
      );
      return toCertificateSet(conn, await client.getSamlCertificates());
    },
  };
}
