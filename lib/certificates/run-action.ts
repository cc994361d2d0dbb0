import "server-only";
import type { Database } from "@/lib/db/client";
import type { AuditEntry } from "@/lib/audit/record";
import { fail, failFromVendor, ok, type ActionResult } from "@/lib/auth/action-result";
import { loadVendorConnection } from "@/lib/connections/data";
import { VENDOR_LABELS } from "@/lib/connections/schemas";
import { isVendorError } from "@/lib/vendors/errors";
import type { CertificateSet } from "@/lib/vendors/model";
import {
  operationsFor,
  runCertificateAction as runVendorAction,
  type CertificateActionCall,
} from "@/lib/vendors/registry";
import { describeOutcome } from "./outcome";
import type { CertificateActionInput } from "./schemas";
import { validCertificates } from "./status";
import { checkUploadedPem } from "./validate-pem";

/** What the audit log keeps of a set: each slot's thumbprint, expiry and state. */
export function slotDigest(set: CertificateSet) {
  return set.slots.map((slot) => ({
    slot: slot.slot,
    sha256: slot.certificate?.sha256 ?? null,
    notAfter: slot.certificate?.notAfter ?? null,
    state: slot.state ?? null,
  }));
}

type Audit = (
  entry: Omit<AuditEntry, "actor" | "action" | "sourceIp"> & { action?: string },
) => Promise<void>;

/**
 * Run one certificate change: re-read the set, check that it offers the action, re-validate any
 * PEM, refuse to remove the last valid certificate, call the vendor once (never retried), then
 * audit before/after. Ambiguous failures come back reconciled by the adapter.
 */
export async function runCertificateAction(
  db: Database,
  key: Uint8Array,
  input: CertificateActionInput,
  audit: Audit,
): Promise<ActionResult<CertificateSet>> {
  const conn = await loadVendorConnection(db, key, input.connectionId);
  if (!conn) return fail("not-found", "This connection no longer exists.");
  const auditTarget = (label: string) => ({
    type: "certificate-set",
    id: `${conn.id}/${input.setId}`,
    label,
  });
  const action = `certificate.${input.action}`;

  let before: CertificateSet;
  try {
    before = await operationsFor(conn, "live").getCertificateSet(input.setId);
  } catch (error) {
    if (!isVendorError(error)) throw error;
    return failFromVendor(error, `Could not read the set before changing it: ${error.userMessage}`);
  }
  const label = `${conn.name} · ${before.label}`;
  const slotActions =
    before.slots.find((slot) => "certificateId" in input && slot.vendorId === input.certificateId)?.actions ??
    [];
  if (
    !before.actions.includes(input.action) ||
    ("certificateId" in input && !slotActions.includes(input.action as never))
  ) {
    return fail(
      "not-offered",
      `${VENDOR_LABELS[conn.vendor]} does not offer “${input.action}” for this ${"certificateId" in input ? "certificate" : "set"} now. Reload the page to see what it allows.`,
    );
  }

  const now = new Date();
  const request: Record<string, string> = { setId: input.setId };
  let uploaded: { sha256: string; subject: string; notAfter: string } | undefined;
  if ("pem" in input) {
    const existing = before.slots.flatMap((slot) => (slot.certificate ? [slot.certificate.sha256] : []));
    const check = await checkUploadedPem(input.pem, { vendor: conn.vendor, now, existingSha256: existing });
    if (!check.ok) {
      await audit({
        action,
        outcome: "failure",
        target: auditTarget(label),
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
      const remaining = validCertificates(before, now).filter(
        (slot) => slot.vendorId !== input.certificateId,
      );
      const target = before.slots.find((slot) => slot.vendorId === input.certificateId);
      if (remaining.length === 0 && target && validCertificates(before, now).includes(target)) {
        return fail(
          "last-valid-certificate",
          "This is the only valid certificate of the set: deleting it would break sign-in. Add or activate another certificate first.",
        );
      }
    }
  }

  try {
    const after = (await runVendorAction(conn, {
      ...request,
      action: input.action,
    } as CertificateActionCall)) as CertificateSet;
    await audit({
      action,
      outcome: "success",
      target: auditTarget(label),
      details: { before: slotDigest(before), after: slotDigest(after), uploaded },
    });
    return ok(after, describeOutcome(input.action, before, after));
  } catch (error) {
    if (!isVendorError(error)) throw error;
    const json = error.toJSON();
    await audit({
      action,
      outcome: "failure",
      target: auditTarget(label),
      vendorRequestId: json.requestId,
      details: {
        before: slotDigest(before),
        error: {
          kind: json.kind,
          status: json.status,
          vendorCode: json.vendorCode,
          vendorMessage: json.vendorMessage,
          outcome: json.outcome,
        },
      },
    });
    return failFromVendor(json);
  }
}
