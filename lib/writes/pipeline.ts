import "server-only";
import { recordIntent, recordIntentOutcome } from "@/lib/audit/intents";
import type { AuditActor } from "@/lib/audit/record";
import type { Database } from "@/lib/db/client";
import { isVendorError } from "@/lib/vendors/errors";
import { isAmbiguous, runInWriteScope } from "@/lib/vendors/reconcile";
import type { Reconciler, WriteIntent, WriteOutcomeKind } from "./types";

type Target = { type: string; id?: string; label?: string };

/** One vendor change, as the pipeline runs it. */
export interface WriteRequest<S> {
  db: Database;
  actor: AuditActor;
  sourceIp: string | null;
  /** The audit action, e.g. `certificate.rotate`. */
  action: string;
  target: Target;
  /** How to tell later whether the write was applied (stored with the intent). */
  intent: WriteIntent;
  /** What the audit shows besides the intent: the before-state, the uploaded certificate… */
  details?: Record<string, unknown>;
  reconciler: Reconciler<S>;
  /** The one vendor write; resolves with the new state when the answer carries it. */
  write(): Promise<S | undefined>;
  /** The target once the new state is known (a created credential's id). */
  targetAfter?: (after: S) => Target;
  now?: () => Date;
}

/** What happened, as the pipeline established it. */
export interface WriteReport<S> {
  outcome: WriteOutcomeKind;
  after?: S;
  /** The write's own failure (or the failure that made it ambiguous). */
  error?: unknown;
  /** The outcome came from re-reading after an ambiguous answer. */
  reconciled: boolean;
  /** The vendor answered success, but its state shows no change. */
  contradicted: boolean;
  intentId: number;
}

/**
 * Runs one vendor change: record the intent before calling the vendor, write once (never
 * retried), classify the outcome, re-read once where the answer does not carry the new state or
 * the outcome is ambiguous, complete the audit with the outcome and the after-state, and record
 * that state in the inventory at once.
 */
export async function runWrite<S>(request: WriteRequest<S>): Promise<WriteReport<S>> {
  const { db, reconciler } = request;
  const intentId = await recordIntent(db, {
    actor: request.actor,
    sourceIp: request.sourceIp,
    action: request.action,
    target: request.target,
    details: { ...request.details, write: request.intent },
  });
  const run = await runInWriteScope(() => request.write());
  let report: Omit<WriteReport<S>, "intentId">;
  if (run.ok) {
    const after = run.value ?? (await safeReread(reconciler));
    const verdict = after === undefined ? undefined : reconciler.applied(after);
    report = {
      outcome: after === undefined ? "unknown" : verdict === false ? "not-applied" : "applied",
      after,
      reconciled: run.value === undefined,
      contradicted: verdict === false,
    };
  } else if (run.scope.sent === 0) {
    report = { outcome: "not-applied", error: run.error, reconciled: false, contradicted: false };
  } else if (!run.scope.answered && run.scope.failure !== undefined && !isAmbiguous(run.scope.failure)) {
    report = { outcome: "not-applied", error: run.scope.failure, reconciled: false, contradicted: false };
  } else {
    // Sent, and the answer was lost, unreadable or followed by a failure: read once and decide.
    const after = await safeReread(reconciler);
    const verdict = after === undefined ? undefined : reconciler.applied(after);
    report = {
      outcome: verdict === undefined ? "unknown" : verdict ? "applied" : "not-applied",
      after,
      error: run.scope.failure ?? run.error,
      reconciled: true,
      contradicted: false,
    };
  }
  await completeIntent(request, intentId, report);
  if (!run.ok && run.scope.sent === 0 && !isVendorError(run.error)) throw run.error;
  return { ...report, intentId };
}

async function safeReread<S>(reconciler: Reconciler<S>): Promise<S | undefined> {
  try {
    return await reconciler.reread();
  } catch {
    return undefined;
  }
}

/**
 * Appends the outcome row (unless the outcome is unknown: the intent then stays pending for
 * recovery) and records a known after-state in the inventory.
 */
export async function completeIntent<S>(
  request: Pick<
    WriteRequest<S>,
    "db" | "actor" | "sourceIp" | "action" | "target" | "details" | "reconciler" | "targetAfter" | "now"
  >,
  intentId: number,
  report: Omit<WriteReport<S>, "intentId">,
  extra: Record<string, unknown> = {},
): Promise<boolean> {
  const { db, reconciler } = request;
  const now = request.now?.() ?? new Date();
  let completed = false;
  if (report.outcome !== "unknown") {
    completed = await recordIntentOutcome(db, intentId, {
      actor: request.actor,
      sourceIp: request.sourceIp,
      action: request.action,
      target:
        report.after !== undefined && request.targetAfter
          ? request.targetAfter(report.after)
          : request.target,
      outcome: report.outcome === "applied" ? "success" : "failure",
      vendorRequestId: isVendorError(report.error) ? (report.error.requestId ?? null) : null,
      details: {
        ...request.details,
        ...extra,
        // `failed`: the vendor refused it (nothing to re-read); `not-applied`: re-read as unchanged.
        writeOutcome:
          report.outcome === "not-applied" && !report.reconciled && !report.contradicted
            ? "failed"
            : report.outcome,
        reconciled: report.reconciled,
        ...(report.contradicted ? { contradicted: true } : {}),
        ...(report.after !== undefined ? { after: reconciler.digest(report.after) } : {}),
        ...(report.error !== undefined ? { error: errorSummary(report.error) } : {}),
      },
    });
  }
  if (report.after !== undefined) {
    await reconciler.record(db, report.after, now).catch((error: unknown) => {
      // The next refresh records it anyway; the write's outcome is already in the audit log.
      console.error(`[writes] inventory not updated: ${error instanceof Error ? error.message : "unknown"}`);
    });
  }
  return completed;
}

/** What the audit keeps of a failure: the vendor's code and message, never a stack. */
export function errorSummary(error: unknown): Record<string, unknown> {
  if (!isVendorError(error)) return { kind: "internal" };
  return {
    kind: error.kind,
    status: error.status ?? null,
    vendorCode: error.vendorCode ?? null,
    vendorMessage: error.vendorMessage ?? null,
  };
}
