import "server-only";
import { VENDOR_ERROR_CODES, type ErrorCode } from "@/lib/auth/error-codes";
import { isVendorError, type VendorError } from "@/lib/vendors/errors";
import type { FederatedCredential } from "@/lib/vendors/model";
import type { GuardedFetchOptions } from "./guarded-fetch";
import { lintCredential, lintFieldErrors } from "./lint";
import { preflightIssuer, type PreflightResult } from "./preflight";
import { uipathFederatedOps, type FederatedOps, type UiPathConnection } from "./read";
import type { CreateCredentialInput, DeleteCredentialInput, UpdateCredentialInput } from "./schemas";

// The write flows behind the server actions: re-lint against the application's current
// credentials, preflight the issuer, then one vendor write (never retried; see lib/vendors).

/** A refused or failed change, in the shape server actions return. */
export interface Failure {
  ok: false;
  /** `lint`, `preflight`, `not-found`, or a vendor failure's code. */
  code: ErrorCode;
  message: string;
  fieldErrors?: Record<string, string[]>;
  requestId?: string;
  preflight?: PreflightResult;
}

export interface SaveSuccess {
  ok: true;
  credential: FederatedCredential;
  /** The credential before an edit; null for a create. */
  before: FederatedCredential | null;
  preflight: PreflightResult;
}

export interface MutationDeps {
  ops?: FederatedOps;
  preflight: GuardedFetchOptions;
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

/**
 * Creates (no `credentialId`) or replaces a credential. Refuses with field errors when the lint
 * finds an error against the application's current credentials or when the issuer preflight fails.
 */
export async function saveCredential(
  conn: UiPathConnection,
  input: CreateCredentialInput | UpdateCredentialInput,
  deps: MutationDeps,
): Promise<SaveSuccess | Failure> {
  const ops = deps.ops ?? uipathFederatedOps();
  const credentialId = "credentialId" in input ? input.credentialId : undefined;
  const body = {
    name: input.name,
    description: input.description,
    issuer: input.issuer,
    audience: input.audience,
    subject: input.subject,
  };
  try {
    const siblings = await ops.listFederatedCredentials(conn, input.clientId);
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

    const credential = credentialId
      ? await ops.updateFederatedCredential(conn, input.clientId, credentialId, body)
      : await ops.createFederatedCredential(conn, input.clientId, body);
    return { ok: true, credential, before: before ?? null, preflight };
  } catch (error) {
    return caught(error);
  }
}

/** Deletes a credential, returning it as it was (for the audit log). */
export async function deleteCredential(
  conn: UiPathConnection,
  input: DeleteCredentialInput,
  deps: Pick<MutationDeps, "ops"> = {},
): Promise<{ ok: true; before: FederatedCredential } | Failure> {
  const ops = deps.ops ?? uipathFederatedOps();
  try {
    const before = await ops.getFederatedCredential(conn, input.clientId, input.credentialId);
    await ops.deleteFederatedCredential(conn, input.clientId, input.credentialId);
    return { ok: true, before };
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
}
