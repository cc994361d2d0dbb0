import "server-only";

import { AsyncLocalStorage } from "node:async_hooks";
import { VENDOR_LABELS } from "@/lib/connections/schemas";
import { isVendorError, type WriteOutcome } from "./errors";

/** What one write pipeline saw of the vendor write it ran (see `runInWriteScope`). */
export interface WriteScope {
  /** How many writes were sent (the pipeline allows one). */
  sent: number;
  /** The write itself answered (a later failure is then a failed read, not a failed write). */
  answered: boolean;
  /** The error the write itself ended with, if any. */
  failure?: unknown;
}

const writeScope = new AsyncLocalStorage<WriteScope>();

/**
 * Runs an adapter call inside a write pipeline. Inside, `writeWithReconciliation` sends the write
 * once and reports what happened to the scope instead of re-reading itself: the pipeline
 * reconciles once, with the same check it uses after a crash.
 */
export async function runInWriteScope<T>(
  run: () => Promise<T>,
): Promise<{ scope: WriteScope } & ({ ok: true; value: T } | { ok: false; error: unknown })> {
  const scope: WriteScope = { sent: 0, answered: false };
  try {
    return { scope, ok: true, value: await writeScope.run(scope, run) };
  } catch (error) {
    return { scope, ok: false, error };
  }
}

/**
 * Whether a failed write may have been applied: a time-out, a dropped or reset connection, a lost
 * answer, a 2xx whose body is not what was expected, or anything that is not a vendor error (a
 * crash between sending and reading). Definite refusals (4xx, 429, 5xx) and failures before
 * anything was sent are not ambiguous.
 */
export function isAmbiguous(error: unknown): boolean {
  return !isVendorError(error) || error.ambiguous;
}

/**
 * Runs a write; if it ends ambiguously (timeout or lost connection after sending), re-reads the
 * vendor's state and rethrows the error with what actually happened, so the user is told
 * "it was applied" or "nothing changed, try again" instead of guessing. Never re-sends the write.
 *
 * `applied(after)` answers true (the change is there), false (it is not) or undefined (cannot tell).
 */
export async function writeWithReconciliation<T, S>(
  write: () => Promise<T>,
  reread: () => Promise<S>,
  applied: (after: S) => boolean | undefined,
): Promise<T> {
  const scope = writeScope.getStore();
  if (scope) return sendOnce(scope, write);
  try {
    return await write();
  } catch (error) {
    if (!isVendorError(error) || !error.ambiguous) throw error;
    let outcome: WriteOutcome = "unknown";
    try {
      const verdict = applied(await reread());
      if (verdict !== undefined) outcome = verdict ? "applied" : "not-applied";
    } catch {
      // The re-read failed too: the outcome stays unknown and the user is told to reload.
    }
    throw error.with({ outcome, userMessage: outcomeMessage(error.vendor, error.operation, outcome) });
  }
}

function outcomeMessage(
  vendor: keyof typeof VENDOR_LABELS,
  operation: string,
  outcome: WriteOutcome,
): string | undefined {
  const label = VENDOR_LABELS[vendor];
  switch (outcome) {
    case "applied":
      return `The connection was lost before ${label} answered, but reading again shows the request to ${operation} was applied. Do not repeat it.`;
    case "not-applied":
      return `The connection was lost before ${label} answered, and reading again shows nothing changed: the request to ${operation} was not applied. You can try again.`;
    case "unknown":
      return undefined;
  }
}

async function sendOnce<T>(scope: WriteScope, write: () => Promise<T>): Promise<T> {
  if (scope.sent > 0) throw new Error("a write pipeline sends one vendor write");
  scope.sent++;
  try {
    const value = await write();
    scope.answered = true;
    return value;
  } catch (error) {
    scope.failure = error;
    throw error;
  }
}

/**
 * `writeWithReconciliation` for a write whose check needs the state before it: reads that state
 * first, except inside a write pipeline, which has read it once already and reconciles itself.
 */
export async function writeAfterReading<T, S, B = S>(
  before: () => Promise<B>,
  write: () => Promise<T>,
  reread: () => Promise<S>,
  applied: (after: S, before: B) => boolean | undefined,
): Promise<T> {
  const scope = writeScope.getStore();
  if (scope) return sendOnce(scope, write);
  const state = await before();
  return writeWithReconciliation(write, reread, (after) => applied(after, state));
}
