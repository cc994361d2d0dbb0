// Client-safe: the one result shape of every server action and every JSON route handler the
// browser calls. Its error codes are the closed list in `./error-codes`.
import type { VendorErrorKind } from "@/lib/vendors/contracts";
import { isErrorCode, VENDOR_ERROR_CODES, type ErrorCode } from "./error-codes";

export type { ErrorCode } from "./error-codes";

/** An expected failure the UI can explain. */
export interface ActionError {
  code: ErrorCode;
  /** A sentence for the user: what happened and what to do. */
  message: string;
  fieldErrors?: Record<string, string[] | undefined>;
  /** The vendor's request id, when a vendor call failed (for a support ticket). */
  requestId?: string;
  /** The vendor's own error code and message, when a vendor call failed. */
  vendorCode?: string;
  vendorMessage?: string;
}

/** The one result shape of every server action and JSON route handler: data, or an expected failure. */
export type ActionResult<T = undefined> =
  { ok: true; data: T; message?: string } | ({ ok: false } & ActionError);

/** The failure half of `ActionResult`. */
export type ActionFailure = Extract<ActionResult<never>, { ok: false }>;

/** A success, with an optional sentence for the user. */
export const ok = <T>(data: T, message?: string): ActionResult<T> => ({ ok: true, data, message });

/** An expected failure: one of the listed codes, a sentence for the user, and any details. */
export const fail = (
  code: ErrorCode,
  message: string,
  details?: Omit<ActionError, "code" | "message">,
): ActionFailure => ({
  ok: false,
  code,
  message,
  ...details,
});

/** What a vendor failure contributes to a result (a `VendorError` or its JSON form). */
export interface VendorFailureSource {
  kind: VendorErrorKind;
  userMessage: string;
  requestId?: string | null;
  vendorCode?: string | null;
  vendorMessage?: string | null;
  fieldErrors?: Record<string, string[]>;
}

/** A vendor failure as a result: its code from the kind, the vendor's own code, message and request id. */
export function failFromVendor(error: VendorFailureSource, message = error.userMessage): ActionFailure {
  return fail(VENDOR_ERROR_CODES[error.kind], message, {
    ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}),
    ...(error.requestId ? { requestId: error.requestId } : {}),
    ...(error.vendorCode ? { vendorCode: error.vendorCode } : {}),
    ...(error.vendorMessage ? { vendorMessage: error.vendorMessage } : {}),
  });
}

/**
 * Read a route handler's answer as a result. A body that is not one (a proxy's error page, a
 * dropped connection) becomes an `unavailable` failure, or `unauthenticated` for a 401 or an
 * answer redirected to the sign-in page.
 */
export async function readResult<T>(response: Response | null): Promise<ActionResult<T>> {
  const body: unknown = await response?.json().catch(() => null);
  if (isResult(body)) return body as ActionResult<T>;
  if (response?.status === 401 || (response && redirectedToSignIn(response)))
    return fail("unauthenticated", "Your session ended — sign in again.");
  return fail(
    "unavailable",
    response ? `The server answered HTTP ${response.status}.` : "The server could not be reached.",
  );
}

/** A route answered by the sign-in page (a proxy or an older server redirecting instead of 401). */
function redirectedToSignIn(response: Response): boolean {
  if (!response.redirected || !response.url) return false;
  return new URL(response.url).pathname === "/login";
}

function isResult(body: unknown): body is ActionResult<unknown> {
  if (typeof body !== "object" || body === null || !("ok" in body)) return false;
  if (body.ok === true) return "data" in body;
  return body.ok === false && "code" in body && isErrorCode(body.code) && "message" in body;
}
