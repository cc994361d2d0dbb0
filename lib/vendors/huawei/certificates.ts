import "server-only";

import { assertSingleCertificate, slotFromCertificate } from "../certificate-slot";
import { withSlotRoles } from "../slot-roles";
import { VendorError } from "../errors";
import { pemCertificateInputSchema } from "../inputs";
import type {
  CertificateActionHandlers,
  CertificateSet,
  CertificateSetAction,
  CertificateSlotAction,
  ConnectionFor,
} from "../model";
import { parseInput } from "../parse-input";
import { writeAfterReading, writeWithReconciliation } from "../reconcile";
import type { HuaweiClient } from "./client";
import type { ExternalIdp, IdpCertificate, SpCertificate } from "./schemas";

/** What Huawei SP and IdP certificate sets can do. */
export const HUAWEI_ACTIONS_SUPPORTED = [
  "create-sp-certificate",
  "activate",
  "delete-certificate",
  "import-idp-certificate",
] as const satisfies readonly CertificateSetAction[];
export type HuaweiAction = (typeof HUAWEI_ACTIONS_SUPPORTED)[number];

type Conn = ConnectionFor<"huawei">;

/** The identity store's service-provider certificates form one set. */
export const SP_SET_ID = "sp";
const IDP_PREFIX = "idp:";

/** Which set an id names: the SP set, or the certificates of one external IdP. */
export function parseSetId(setId: string): { kind: "sp" } | { kind: "idp"; idpId: string } {
  if (setId === SP_SET_ID) return { kind: "sp" };
  if (setId.startsWith(IDP_PREFIX) && setId.length > IDP_PREFIX.length)
    return { kind: "idp", idpId: setId.slice(IDP_PREFIX.length) };
  throw new VendorError({
    vendor: "huawei",
    kind: "not-found",
    operation: `find certificate set ${setId.slice(0, 60)}`,
    retryable: false,
    userMessage: "There is no such certificate set at this connection. Reload the page.",
  });
}

/** SP certificates → one set; one slot per certificate with its state. */
export async function toSpSet(conn: Conn, certificates: SpCertificate[]): Promise<CertificateSet> {
  const slots = await Promise.all(
    certificates.map((cert) => {
      const actions: CertificateSlotAction[] = [];
      if (cert.state === "INACTIVE") actions.push("activate");
      // The active certificate cannot be deleted (IIC.1712): offer delete on the others only.
      if (cert.state !== "ACTIVE") actions.push("delete-certificate");
      return slotFromCertificate(cert.certificate_id, cert.x509certificate, {
        vendorId: cert.certificate_id,
        state: cert.state,
        actions,
      });
    }),
  );
  return withSlotRoles({
    id: SP_SET_ID,
    connectionId: conn.id,
    vendor: "huawei",
    kind: "huawei-sp",
    label: `Service-provider signing certificates of identity store ${conn.identityStoreId}`,
    slots,
    actions: ["create-sp-certificate", ...slotActionsOf(slots)],
  });
}

/** One external IdP's signing certificates → one set. */
export async function toIdpSet(
  conn: Conn,
  idp: Pick<ExternalIdp, "idp_id" | "idp_saml_config" | "is_enabled">,
  certificates: IdpCertificate[],
): Promise<CertificateSet> {
  // At least one valid IdP certificate must remain: no delete when only one is left.
  const actions: CertificateSlotAction[] = certificates.length > 1 ? ["delete-certificate"] : [];
  const slots = await Promise.all(
    certificates.map((cert) =>
      slotFromCertificate(cert.certificate_id, cert.x509_Certificate_in_pem, {
        vendorId: cert.certificate_id,
        actions,
      }),
    ),
  );
  return withSlotRoles({
    id: `${IDP_PREFIX}${idp.idp_id}`,
    connectionId: conn.id,
    vendor: "huawei",
    kind: "huawei-idp",
    label: `External IdP ${idp.idp_saml_config?.entity_id ?? idp.idp_id}`,
    slots,
    actions: ["import-idp-certificate", ...slotActionsOf(slots)],
    ...(typeof idp.is_enabled === "boolean" && { inUse: idp.is_enabled }),
  });
}

function slotActionsOf(slots: CertificateSet["slots"]): CertificateSlotAction[] {
  return [...new Set(slots.flatMap((slot) => slot.actions ?? []))];
}

/** The IdP set with its label: H-6 for the IdP, H-12 for its certificates. */
export async function readIdpSet(client: HuaweiClient, conn: Conn, idpId: string): Promise<CertificateSet> {
  const [{ associations }, { idp_certificates: certificates }] = await Promise.all([
    client.listExternalIdps(),
    client.listIdpCertificates(idpId),
  ]);
  return toIdpSet(conn, associations.find((idp) => idp.idp_id === idpId) ?? { idp_id: idpId }, certificates);
}

/** Write actions; each is sent once and re-read after a lost answer. */
export function huaweiActionHandlers(
  clientFor: (conn: Conn) => HuaweiClient,
): CertificateActionHandlers<Conn, HuaweiAction> {
  const requireSp = (setId: string, action: string) => {
    if (parseSetId(setId).kind !== "sp")
      throw new VendorError({
        vendor: "huawei",
        kind: "validation",
        operation: action,
        retryable: false,
        userMessage: `Only service-provider certificates can be ${action}d.`,
      });
  };
  return {
    async "create-sp-certificate"(conn, { setId }) {
      requireSp(setId, "create");
      const client = clientFor(conn);
      await writeAfterReading(
        async () => new Set((await client.listSpCertificates()).map((c) => c.certificate_id)),
        () => client.createSpCertificate(),
        () => client.listSpCertificates(),
        (after, before) => after.some((c) => !before.has(c.certificate_id)),
      );
      return toSpSet(conn, await client.listSpCertificates());
    },
    async activate(conn, { setId, certificateId }) {
      requireSp(setId, "activate");
      const client = clientFor(conn);
      await writeWithReconciliation(
        () => client.activateSpCertificate(certificateId),
        () => client.listSpCertificates(),
        (after) => after.find((c) => c.certificate_id === certificateId)?.state === "ACTIVE",
      );
      return toSpSet(conn, await client.listSpCertificates());
    },
    async "delete-certificate"(conn, { setId, certificateId }) {
      const target = parseSetId(setId);
      const client = clientFor(conn);
      if (target.kind === "sp") {
        await writeWithReconciliation(
          () => client.deleteSpCertificate(certificateId),
          () => client.listSpCertificates(),
          (after) => !after.some((c) => c.certificate_id === certificateId),
        );
        return toSpSet(conn, await client.listSpCertificates());
      }
      await writeWithReconciliation(
        () => client.deleteIdpCertificate(target.idpId, certificateId),
        () => client.listIdpCertificates(target.idpId),
        (after) => !after.idp_certificates.some((c) => c.certificate_id === certificateId),
      );
      return readIdpSet(client, conn, target.idpId);
    },
    async "import-idp-certificate"(conn, { setId, pem }) {
      const target = parseSetId(setId);
      if (target.kind !== "idp")
        throw new VendorError({
          vendor: "huawei",
          kind: "validation",
          operation: "import the identity provider certificate",
          retryable: false,
          userMessage: "Certificates are imported into an external IdP's set.",
        });
      const input = parseInput(
        pemCertificateInputSchema,
        { pem },
        "huawei",
        "import the identity provider certificate",
      );
      await assertSingleCertificate(input.pem, "huawei", "import the identity provider certificate");
      const client = clientFor(conn);
      await writeAfterReading(
        async () =>
          new Set(
            (await client.listIdpCertificates(target.idpId)).idp_certificates.map((c) => c.certificate_id),
          ),
        () => client.importIdpCertificate(target.idpId, input.pem),
        () => client.listIdpCertificates(target.idpId),
        (after, before) => after.idp_certificates.some((c) => !before.has(c.certificate_id)),
      );
      return readIdpSet(client, conn, target.idpId);
    },
  };
}
