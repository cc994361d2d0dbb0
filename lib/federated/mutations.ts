import "server-only";
import { VENDOR_ERROR_CODES, type ErrorCode } from "@/lib/auth/error-codes";
import type { AuditActor } from "@/lib/audit/record";
import { highSignal } from "@/lib/audit/signal";
import type { Database } from "@/lib/db/client";
import { isVendorError, type VendorError } from "@/lib/vendors/errors";
import { federatedReconciler, type CredentialState, type FederatedIntent } from "@/lib/writes/federated-plan";
import { writeFailure } from "@/lib/writes/messages";
import { runWrite, type WriteReport } from "@/lib/writes/pipeline";
import type { FederatedCredential } from "@/lib/vendors/model";
import type { GuardedFetchOptions } from "./guarded-fetch";
import { lintCredential, lintFieldErrors } from "./lint";
import { preflightIssuer, type PreflightResult } from "./preflight";
import { uipathFederatedOps, type FederatedOps, type UiPathConnection } from "./read";
import type { CreateCredentialInput, DeleteCredentialInput, UpdateCredentialInput } from "./schemas";
import { SELF_APPLICATION_REFUSAL } from "./self-application";

// The write flows behind the server actions: re-lint against the application's current
// credentials, preflight the issuer, then one vendor write through lib/writes.

/** A refused or failed change, in the shape server actions return. */
export interface Failure {
  ok: false;
  /** `lint`, `preflight`, `not-found`, or a vendor failure's code. */
  code: ErrorCode;
  message: string;
  fieldErrors?: Record<string, string[]>;
  requestId?: string;
  preflight?: PreflightResult;
  /** The write pipeline already recorded this failure in the audit log. */
  audited?: boolean;
}

export interface SaveSuccess {
  ok: true;
  credential: FederatedCredential;
  /** The credential before an edit; null for a create. */
  before: FederatedCredential | null;
  preflight: PreflightResult;
  /** The answer was lost and a re-read showed the change applied. */
  reconciled: boolean;
}

export interface MutationDeps {
  ops?: FederatedOps;
  preflight: GuardedFetchOptions;
  writer: Writer;
}

const FORM_FIELDS = new Set(["name", "description", "issuer", "audience", "subject"]);

/** A VendorError as a Failure, with UiPath's model-state fields ("$.name", "Issuer") mapped to form fields. */
export function vendorFailure(error: VendorError): Failure {
  const fieldErrors: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(error.fieldErrors ?? {})) {
    const name = field.replace(/^\$\./, "").toLowerCase();
    (fieldErrors[FORM_FIELDS.has(name) ? name : "form"] ??= []).push(...messages);
  }
  return {
    ok: false,
    code: VENDOR_ERROR_CODES[error.kind],
    message: error.userMessage,
    ...(Object.keys(fieldErrors).length ? { fieldErrors } : {}),
    ...(error.requestId ? { requestId: error.requestId } : {}),
  };
}

function caught(error: unknown): Failure {
  if (isVendorError(error)) return vendorFailure(error);
  throw error;
}

/** The non-secret fields of a credential, for the audit log's before/after. */
export function auditSummary(credential: FederatedCredential | null) {
  if (!credential) return null;
  const { name, description, issuer, audience, subject } = credential;
  return { name, description, issuer, audience, subject };
}

/** Who makes a change, and where its intent and outcome are recorded. */
export interface Writer {
  db: Database;
  actor: AuditActor;
  sourceIp: string | null;
}

function pipelineFailure(report: WriteReport<unknown>): Failure {
  if (report.outcome === "not-applied" && !report.reconciled && isVendorError(report.error))
    return { ...vendorFailure(report.error), audited: true };
  const result = writeFailure(report, "UiPath");
  if (result.ok) throw new Error("a failed write cannot map to success");
  return {
    ok: false,
    code: result.code,
    message: result.message,
    ...(result.requestId ? { requestId: result.requestId } : {}),
    audited: true,
  };
}

/** Whether a change targets the application the connection itself authenticates with. */
export function isSelfApplication(conn: UiPathConnection, clientId: string): boolean {
  return conn.clientId === clientId;
}

/**
 * Creates (no `credentialId`) or replaces a credential. On the connection's own application it is
 * refused unless `acknowledgeSelfApplication` is true, and the audit marks it high-signal. Reads the application's credentials
 * once; refuses with field errors when the lint finds an error against them or when the issuer
 * preflight fails; then runs the one write through the write pipeline (intent audited first,
 * never retried, an ambiguous outcome re-read and reconciled, inventory updated).
 */
export async function saveCredential(
  conn: UiPathConnection,
  input: CreateCredentialInput | UpdateCredentialInput,
  deps: MutationDeps,
): Promise<SaveSuccess | Failure> {
  const ops = deps.ops ?? uipathFederatedOps();
  const credentialId = "credentialId" in input ? input.credentialId : undefined;
  const selfApplication = isSelfApplication(conn, input.clientId);
  if (selfApplication && input.acknowledgeSelfApplication !== true)
    return {
      ok: false,
      code: "acknowledgement-required",
      message: SELF_APPLICATION_REFUSAL,
      fieldErrors: { acknowledgeSelfApplication: [SELF_APPLICATION_REFUSAL] },
    };
  const body = {
    name: input.name,
    description: input.description,
    issuer: input.issuer,
    audience: input.audience,
    subject: input.subject,
  };
  let siblings: FederatedCredential[];
  try {
    siblings = await ops.listFederatedCredentials(conn, input.clientId);
  } catch (error) {
    return caught(error);
  }
  const before = credentialId ? siblings.find((c) => c.id === credentialId) : undefined;
  if (credentialId && !before)
    return {
      ok: false,
      code: "not-found",
      message: "This credential no longer exists at UiPath. Reload the page.",
    };

  const errors = lintFieldErrors(lintCredential(body, { siblings, selfId: credentialId }));
  if (Object.keys(errors).length)
    return {
      ok: false,
      code: "lint",
      message: "Fix the problems listed under the form before saving.",
      fieldErrors: errors,
    };

  const preflight = await preflightIssuer(body.issuer, deps.preflight);
  if (!preflight.ok)
    return {
      ok: false,
      code: "preflight",
      message: `Issuer preflight failed: ${preflight.summary}`,
      fieldErrors: { issuer: [preflight.summary] },
      preflight,
    };

  const where = { connectionId: conn.id, clientId: input.clientId };
  const intent: FederatedIntent = credentialId
    ? { kind: "federated-credential.update", ...where, credentialId, body }
    : { kind: "federated-credential.create", ...where, body, beforeIds: siblings.map((c) => c.id) };
  const report = await runWrite<CredentialState>({
    ...deps.writer,
    action: intent.kind,
    target: { type: "federated-credential", id: credentialId, label: body.name },
    targetAfter: (after) => ({
      type: "federated-credential",
      id: after?.id ?? credentialId,
      label: body.name,
    }),
    intent,
    details: {
      ...where,
      connectionName: conn.name,
      template: input.template?.kind ?? null,
      before: auditSummary(before ?? null),
      preflight: preflight.summary,
      ...(selfApplication ? { ...highSignal("self-application"), acknowledged: true } : {}),
    },
    reconciler: federatedReconciler(conn, intent),
    write: () =>
      credentialId
        ? ops.updateFederatedCredential(conn, input.clientId, credentialId, body)
        : ops.createFederatedCredential(conn, input.clientId, body),
  });
  if (report.outcome !== "applied" || !report.after) return pipelineFailure(report);
  return {
    ok: true,
    credential: report.after,
    before: before ?? null,
    preflight,
    reconciled: report.reconciled,
  };
}

/** Deletes a credential through the write pipeline, returning it as it was. */
export async function deleteCredential(
  conn: UiPathConnection,
  input: DeleteCredentialInput,
  deps: Pick<MutationDeps, "ops" | "writer">,
): Promise<{ ok: true; before: FederatedCredential; reconciled: boolean } | Failure> {
  const ops = deps.ops ?? uipathFederatedOps();
  let before: FederatedCredential;
  try {
    before = await ops.getFederatedCredential(conn, input.clientId, input.credentialId);
  } catch (error) {
    if (isVendorError(error, "not-found"))
      return {
        ok: false,
        code: "not-found",
        message:
          "This credential no longer exists at UiPath: someone else may have deleted it. Reload the page.",
      };
    return caught(error);
  }
  const intent: FederatedIntent = {
    kind: "federated-credential.delete",
    connectionId: conn.id,
    clientId: input.clientId,
    credentialId: input.credentialId,
  };
  const report = await runWrite<CredentialState>({
    ...deps.writer,
    action: intent.kind,
    target: {
      type: "federated-credential",
      id: input.credentialId,
      label: before.name ?? input.credentialId,
    },
    intent,
    details: {
      connectionId: conn.id,
      connectionName: conn.name,
      clientId: input.clientId,
      before: auditSummary(before),
    },
    reconciler: federatedReconciler(conn, intent),
    // A delete's answer carries no state: the pipeline reads once after it to confirm.
    write: async () => {
      await ops.deleteFederatedCredential(conn, input.clientId, input.credentialId);
      return undefined;
    },
  });
  if (report.outcome !== "applied") return pipelineFailure(report);
  return { ok: true, before, reconciled: report.reconciled && report.error !== undefined };
}
