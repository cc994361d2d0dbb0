import { fail, failFromVendor, type ActionResult } from "@/lib/auth/action-result";
import { isVendorError } from "@/lib/vendors/errors";
import type { WriteReport } from "./pipeline";

/** What the user is told when a write was applied after all, before the usual success sentence. */
export const RECONCILED_APPLIED =
  "The answer was lost, but reading again shows the change was applied. Do not repeat it.";

/**
 * The failure a write's report stands for: the vendor's own refusal, a change re-read as not
 * applied, or an outcome that is not known yet. `vendor` names the vendor in the sentences.
 */
export function writeFailure(report: WriteReport<unknown>, vendor: string): ActionResult<never> {
  if (report.outcome === "unknown")
    return fail(
      "write-unknown",
      `${vendor} did not confirm the change and could not be read again, so it may or may not have been made. Trustdeck keeps it as pending and checks again; the page shows the outcome once known. Do not repeat it before then.`,
    );
  if (report.contradicted)
    return fail(
      "write-not-applied",
      `${vendor} answered that the change was made, but reading again shows it was not: nothing changed. Try again, or check at ${vendor}.`,
    );
  if (report.reconciled)
    return fail(
      "write-not-applied",
      `The answer from ${vendor} was lost or unreadable, and reading again shows nothing changed: the change was not applied. You can try again.`,
    );
  const error = report.error;
  if (isVendorError(error)) return failFromVendor(error);
  return fail("internal", "The server could not complete this change; nothing was sent to the vendor.");
}
