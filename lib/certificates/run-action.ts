import "server-only";
import type { Database } from "@/lib/db/client";
import type { AuditActor, AuditEntry } from "@/lib/audit/record";
import { fail, failFromVendor, ok, type ActionResult } from "@/lib/auth/action-result";
import { openConnection } from "@/lib/connections/data";
import { VENDOR_LABELS } from "@/lib/connections/schemas";
import { isVendorError } from "@/lib/vendors/errors";
import type { CertificateSet } from "@/lib/vendors/model";
import {
  operationsFor,
  runCertificateAction as runVendorAction,
  type CertificateActionCall,
} from "@/lib/vendors/registry";
import { certificateReconciler, slotDigest, type CertificateIntent } from "@/lib/writes/certificate-plan";
import { RECONCILED_APPLIED, writeFailure } from "@/lib/writes/messages";
import { runWrite } from "@/lib/writes/pipeline";
import { describeOutcome } from "./outcome";
import type { CertificateActionInput } from "./schemas";
import { validCertificates } from "./status";
import { checkUploadedPem } from "./validate-pem";

export { slotDigest };

/** Who runs the change, for the audit log. */
export interface WriteContext {
  actor: AuditActor;
  sourceIp: string | null;
  audit: (entry: Omit<AuditEntry, "actor" | "action" | "sourceIp"> & { action?: string }) => Promise<void>;
}

/**
 * Run one certificate change through the write pipeline: open the connection (refused when
 * disabled), read the set once, check that it offers the action, re-validate any PEM, refuse
 * to remove the last valid certificate, then record the intent, write once (never retried),
 * reconcile an ambiguous outcome by re-reading, complete the audit and update the inventory.
 */
export async function runCertificateAction(
  db: Database,
  key: Uint8Array,
  input: CertificateActionInput,
  context: WriteContext,
): Promise<ActionResult<CertificateSet>> {
  const gate = await openConnection(db, key, input.connectionId);
  if (!gate.ok) return fail(gate.code, gate.message);
  const conn = gate.conn;
  const vendor = VENDOR_LABELS[conn.vendor];
  const action = `certificate.${input.action}`;

  let before: CertificateSet;
  try {
    before = await operationsFor(conn, "live").getCertificateSet(input.setId);
  } catch (error) {
    if (!isVendorError(error)) throw error;
    return failFromVendor(error, `Could not read the set before changing it: ${error.userMessage}`);
  }
  const target = {
    type: "certificate-set",
    id: `${conn.id}/${input.setId}`,
    label: `${conn.name} · ${before.label}`,
  };
  const slotActions =
    before.slots.find((slot) => "certificateId" in input && slot.vendorId === input.certificateId)?.actions ??
    [];
  if (
    !before.actions.includes(input.action) ||
    ("certificateId" in input && !slotActions.includes(input.action as never))
  ) {
    return fail(
      "not-offered",
      `${vendor} does not offer “${input.action}” for this ${"certificateId" in input ? "certificate" : "set"} now. Reload the page to see what it allows.`,
    );
  }

  const now = new Date();
  const request: Record<string, string> = { setId: input.setId };
  let uploaded: { sha256: string; subject: string; notAfter: string } | undefined;
  if ("pem" in input) {
    const existing = before.slots.flatMap((slot) => (slot.certificate ? [slot.certificate.sha256] : []));
    const check = await checkUploadedPem(input.pem, { vendor: conn.vendor, now, existingSha256: existing });
    if (!check.ok) {
      await context.audit({
        action,
        outcome: "failure",
        target,
        details: { refused: check.code, reason: check.message },
      });
      return fail(check.code, check.message, { fieldErrors: { pem: [check.message] } });
    }
    uploaded = {
      sha256: check.summary.sha256,
      subject: check.summary.subject,
      notAfter: check.summary.notAfter,
    };
    request[input.action === "import-idp-certificate" ? "pem" : "certificate"] = check.summary.pem;
  }
  if ("certificateId" in input) {
    request.certificateId = input.certificateId;
    if (input.action === "delete-certificate") {
      const valid = validCertificates(before, now);
      const target = before.slots.find((slot) => slot.vendorId === input.certificateId);
      if (target && valid.includes(target) && valid.every((slot) => slot === target)) {
        return fail(
          "last-valid-certificate",
          "This is the only valid certificate of the set: deleting it would break sign-in. Add or activate another certificate first.",
        );
      }
    }
  }

  const intent: CertificateIntent = {
    kind: "certificate",
    connectionId: conn.id,
    setId: input.setId,
    action: input.action,
    ...("certificateId" in input ? { certificateId: input.certificateId } : {}),
    ...(uploaded ? { uploadedSha256: uploaded.sha256 } : {}),
    before: slotDigest(before),
  };
  const report = await runWrite<CertificateSet>({
    db,
    actor: context.actor,
    sourceIp: context.sourceIp,
    action,
    target,
    intent,
    details: { before: intent.before, ...(uploaded ? { uploaded } : {}) },
    reconciler: certificateReconciler(conn, intent),
    write: async () =>
      (await runVendorAction(conn, {
        ...request,
        action: input.action,
      } as CertificateActionCall)) as CertificateSet,
  });
  if (report.outcome !== "applied" || !report.after) return writeFailure(report, vendor);
  const told = describeOutcome(input.action, before, report.after);
  return ok(report.after, report.reconciled && report.error ? `${RECONCILED_APPLIED} ${told}` : told);
}
