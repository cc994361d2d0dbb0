import { ERROR_CODES, type ErrorCode } from "@/lib/auth/error-codes";
import type { AuditEntry } from "./record";

/** What a refused or failed attempt contributes to the audit log (actor, action and source are added by the caller). */
export type RefusalAudit = Pick<AuditEntry, "outcome" | "target" | "details" | "vendorRequestId">;

type Failure = { code: ErrorCode; fieldErrors?: Record<string, string[] | undefined>; requestId?: string };

/** Input fields that name what an action is about, in order of preference. */
const TARGET_ID_FIELDS = ["id", "connectionId", "userId", "credentialId", "setId", "ruleId", "applicationId"];
const TARGET_LABEL_FIELDS = ["name", "username", "label"];
const MAX_TARGET_TEXT = 200;

/**
 * The audit entry for an attempt that did not happen or did not succeed: `denied` when we refused
 * it (role, invalid input, a rule such as a duplicate name or the last admin), `failure` when a
 * vendor or the server failed. Only field names and codes are kept, never input values, so a
 * secret typed into a refused form cannot reach the log.
 */
export function refusalAudit(action: string, failure: Failure, rawInput: unknown): RefusalAudit {
  const kind = ERROR_CODES[failure.code];
  const fields = failure.fieldErrors ? Object.keys(failure.fieldErrors).slice(0, 50) : [];
  return {
    outcome: kind === "vendor" || kind === "delivery" || kind === "internal" ? "failure" : "denied",
    target: targetOf(action, rawInput),
    vendorRequestId: failure.requestId ?? null,
    details: { refused: failure.code, kind, ...(fields.length ? { fields } : {}) },
  };
}

/** The target named by an input, from its id and name fields only (bounded; other fields are ignored). */
export function targetOf(action: string, rawInput: unknown): AuditEntry["target"] {
  if (!rawInput || typeof rawInput !== "object" || Array.isArray(rawInput)) return undefined;
  const input = rawInput as Record<string, unknown>;
  const pick = (names: string[]) => {
    const value = names.map((name) => input[name]).find((v) => typeof v === "string" && v.length > 0);
    return typeof value === "string" ? value.slice(0, MAX_TARGET_TEXT) : undefined;
  };
  const id = pick(TARGET_ID_FIELDS);
  const label = pick(TARGET_LABEL_FIELDS);
  if (!id && !label) return undefined;
  return { type: action.split(".")[0] ?? action, ...(id ? { id } : {}), ...(label ? { label } : {}) };
}
