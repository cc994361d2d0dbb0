import "server-only";
import { isVendorError } from "@/lib/vendors/errors";
import type { ConnectionFor, FederatedCredential, VendorConnection } from "@/lib/vendors/model";
import { adapterFor } from "@/lib/vendors/registry";
import { recordCredentialChange } from "./federated-inventory";
import type { Reconciler } from "./types";

/** The fields of a credential a create or update sends (no secrets: issuer, audience, subject). */
export interface CredentialBody {
  name: string;
  description?: string;
  issuer: string;
  audience: string;
  subject: string;
}

type Where = { connectionId: string; clientId: string };

/** A federated-credential change's intent: enough to tell from the vendor's state whether it was applied. */
export type FederatedIntent =
  | ({ kind: "federated-credential.create"; body: CredentialBody; beforeIds: string[] } & Where)
  | ({ kind: "federated-credential.update"; credentialId: string; body: CredentialBody } & Where)
  | ({ kind: "federated-credential.delete"; credentialId: string } & Where);

/** The credential the change is about as the vendor holds it now; null when there is none. */
export type CredentialState = FederatedCredential | null;

/** Whether a credential carries exactly the fields that were sent. */
export function matchesBody(credential: FederatedCredential, body: CredentialBody): boolean {
  return (
    credential.name === body.name &&
    credential.issuer === body.issuer &&
    credential.audience === body.audience &&
    credential.subject === body.subject &&
    (credential.description ?? "") === (body.description ?? "")
  );
}

/** Whether the state shows the intended change. Pure: the same check runs live and after a crash. */
export function credentialApplied(intent: FederatedIntent, state: CredentialState): boolean {
  switch (intent.kind) {
    case "federated-credential.create":
      return state !== null && !intent.beforeIds.includes(state.id) && matchesBody(state, intent.body);
    case "federated-credential.update":
      return state !== null && matchesBody(state, intent.body);
    case "federated-credential.delete":
      return state === null;
  }
}

function asUipath(conn: VendorConnection): ConnectionFor<"uipath"> {
  if (conn.vendor !== "uipath") throw new Error(`connection ${conn.id} has no federated credentials`);
  return conn;
}

/** The one read after a federated-credential change: the list for a create, the credential otherwise. */
export async function rereadCredential(
  conn: VendorConnection,
  intent: FederatedIntent,
): Promise<CredentialState> {
  const ops = adapterFor("uipath").federatedCredentials;
  const uipath = asUipath(conn);
  if (intent.kind === "federated-credential.create") {
    const list = await ops.listFederatedCredentials(uipath, intent.clientId);
    return list.find((c) => !intent.beforeIds.includes(c.id) && matchesBody(c, intent.body)) ?? null;
  }
  try {
    return await ops.getFederatedCredential(uipath, intent.clientId, intent.credentialId);
  } catch (error) {
    if (isVendorError(error, "not-found")) return null;
    throw error;
  }
}

/** Re-reads the credential once and records it in the inventory. */
export function federatedReconciler(
  conn: VendorConnection,
  intent: FederatedIntent,
): Reconciler<CredentialState> {
  return {
    reread: () => rereadCredential(conn, intent),
    applied: (state) => credentialApplied(intent, state),
    digest: (state) =>
      state && {
        id: state.id,
        name: state.name,
        description: state.description,
        issuer: state.issuer,
        audience: state.audience,
        subject: state.subject,
      },
    record: async (db, state, now) => {
      const credentialId = "credentialId" in intent ? intent.credentialId : state?.id;
      if (!credentialId) return; // a create that did not happen: nothing to record
      await recordCredentialChange(db, { ...intent, credentialId, credential: state, now });
    },
  };
}
