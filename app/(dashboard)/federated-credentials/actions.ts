"use server";

import { revalidatePath } from "next/cache";
import { fail, ok } from "@/lib/auth/action-result";
import { highSignal } from "@/lib/audit/signal";
import { authedAction, type ActionContext } from "@/lib/auth/authed-action";
import { loadUipathConnection } from "@/lib/federated/data";
import { deleteCredential, isSelfApplication, saveCredential, type Failure } from "@/lib/federated/mutations";
import { preflightIssuer } from "@/lib/federated/preflight";
import { resnapshotFederation } from "@/lib/inventory/federated-snapshot";
import { preflightOptions } from "@/lib/federated/preflight-config";
import {
  checkIssuerSchema,
  createCredentialSchema,
  deleteCredentialSchema,
  exchangeTestSchema,
  issuerKeysSchema,
  updateCredentialSchema,
  type CreateCredentialInput,
  type UpdateCredentialInput,
} from "@/lib/federated/schemas";
import { exchangeForTest, keysForTester, toExchangeView } from "@/lib/federated/tester";
import { encryptionKey } from "@/lib/secrets/key";
import { RECONCILED_APPLIED } from "@/lib/writes/messages";

const PAGE = "/federated-credentials";

/**
 * The list page reads the inventory: after a write reached (or may have reached) UiPath, read the
 * connection's credentials again into it. A failure here leaves the next refresh to catch up.
 */
async function followInInventory(db: ActionContext["db"], conn: Parameters<typeof resnapshotFederation>[1]) {
  await resnapshotFederation(db, conn).catch((error: unknown) =>
    console.error(
      `[federated] updating the inventory after a write failed: ${error instanceof Error ? error.message : "unknown error"}`,
    ),
  );
}

function refuse(failure: Failure) {
  return fail(failure.code, failure.message, {
    fieldErrors: failure.fieldErrors,
    requestId: failure.requestId,
  });
}

async function save(
  input: CreateCredentialInput | UpdateCredentialInput,
  { db, actor, sourceIp, audit }: ActionContext,
) {
  const loaded = await loadUipathConnection(db, encryptionKey(), input.connectionId);
  if (!loaded.ok) return refuse(loaded);
  const result = await saveCredential(loaded.conn, input, {
    preflight: preflightOptions(),
    writer: { db, actor, sourceIp },
  });
  if (result.ok || result.audited) await followInInventory(db, loaded.conn);
  if (!result.ok) {
    // Lint refusals never left the browser's own checks (the wrapper records them as refusals);
    // writes are audited by their pipeline.
    // A save on Trustdeck's own application is high-signal whatever became of it (lint included).
    const selfApplication = isSelfApplication(loaded.conn, input.clientId);
    if ((result.code !== "lint" || selfApplication) && !result.audited) {
      await audit({
        outcome: result.code === "acknowledgement-required" || result.code === "lint" ? "denied" : "failure",
        target: {
          type: "federated-credential",
          id: "credentialId" in input ? input.credentialId : undefined,
          label: input.name,
        },
        vendorRequestId: result.requestId ?? null,
        details: {
          connectionId: input.connectionId,
          connectionName: loaded.conn.name,
          clientId: input.clientId,
          template: input.template?.kind ?? null,
          attempted: {
            name: input.name,
            description: input.description ?? null,
            issuer: input.issuer,
            audience: input.audience,
            subject: input.subject,
          },
          reason: result.code,
          message: result.message,
          ...(result.preflight ? { preflight: result.preflight.checks } : {}),
          ...(selfApplication
            ? { ...highSignal("self-application"), acknowledged: input.acknowledgeSelfApplication === true }
            : {}),
        },
      });
    }
    revalidatePath(PAGE, "layout");
    return refuse(result);
  }
  const { credential, before, preflight } = result;
  revalidatePath(PAGE, "layout");
  const told = `Credential “${credential.name}” ${before ? "saved" : "created"}. ${preflight.summary}`;
  return ok({ credential, preflight }, result.reconciled ? `${RECONCILED_APPLIED} ${told}` : told);
}

/** Create a federated credential: lint and issuer preflight on the server, then one POST. */
export const createFederatedCredentialAction = authedAction(
  { action: "federated-credential.create", role: "operator", schema: createCredentialSchema },
  (input, context) => save(input, context),
);

/** Replace a federated credential (UiPath's PUT is a full replacement). */
export const updateFederatedCredentialAction = authedAction(
  { action: "federated-credential.update", role: "operator", schema: updateCredentialSchema },
  (input, context) => save(input, context),
);

/** Delete a federated credential; the audit keeps what it was. */
export const deleteFederatedCredentialAction = authedAction(
  { action: "federated-credential.delete", role: "operator", schema: deleteCredentialSchema },
  async (input, { db, actor, sourceIp, audit }) => {
    const loaded = await loadUipathConnection(db, encryptionKey(), input.connectionId);
    if (!loaded.ok) return refuse(loaded);
    const result = await deleteCredential(loaded.conn, input, { writer: { db, actor, sourceIp } });
    if (result.ok || result.audited) await followInInventory(db, loaded.conn);
    revalidatePath(PAGE, "layout");
    if (!result.ok) {
      if (!result.audited)
        await audit({
          outcome: "failure",
          target: { type: "federated-credential", id: input.credentialId },
          vendorRequestId: result.requestId ?? null,
          details: {
            connectionId: input.connectionId,
            connectionName: loaded.conn.name,
            clientId: input.clientId,
            reason: result.code,
            message: result.message,
          },
        });
      return refuse(result);
    }
    const told = `Credential “${result.before.name}” deleted. Tokens matching it are no longer accepted.`;
    return ok(null, result.reconciled ? `${RECONCILED_APPLIED} ${told}` : told);
  },
);

/** The issuer preflight alone, for the form's "Check issuer" button. */
export const checkIssuerAction = authedAction(
  { action: "federated-credential.check-issuer", role: "operator", schema: checkIssuerSchema },
  async ({ issuer }) => ok(await preflightIssuer(issuer, preflightOptions())),
);

/** The tester's kid check: the published keys of an issuer a credential of the application trusts. */
export const issuerKeysAction = authedAction(
  { action: "federated-credential.issuer-keys", role: "viewer", schema: issuerKeysSchema },
  async (input, { db }) => {
    const loaded = await loadUipathConnection(db, encryptionKey(), input.connectionId);
    if (!loaded.ok) return refuse(loaded);
    return ok(await keysForTester(loaded.conn, input, { preflight: preflightOptions() }));
  },
);

/** The tester's real exchange: UiPath's answer is returned and audited; the access token is not. */
export const exchangeTokenAction = authedAction(
  { action: "federated-credential.test-exchange", role: "operator", schema: exchangeTestSchema },
  async (input, { db, audit }) => {
    const loaded = await loadUipathConnection(db, encryptionKey(), input.connectionId);
    if (!loaded.ok) return refuse(loaded);
    const outcome = await exchangeForTest(loaded.conn, input);
    const view = toExchangeView(outcome);
    await audit({
      outcome: outcome.ok ? "success" : "failure",
      target: { type: "external-application", id: input.clientId, label: input.clientId },
      vendorRequestId: view.exchanged ? null : view.requestId,
      details: {
        connectionId: input.connectionId,
        connectionName: loaded.conn.name,
        claims: outcome.claims,
        scope: input.scope,
        ...(view.exchanged
          ? { grantedScopes: view.grantedScopes, expiresAt: view.expiresAt }
          : { reason: view.code, point: view.point, message: view.message }),
      },
    });
    return ok(view);
  },
);
