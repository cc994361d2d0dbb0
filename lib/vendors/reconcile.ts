import "server-only";

import { VENDOR_LABELS } from "@/lib/connections/schemas";
import { isVendorError, type WriteOutcome } from "./errors";

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
  try {
    return await write();
  } catch (error) {
    if (!isVendorError(error, "ambiguous-write")) throw error;
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
