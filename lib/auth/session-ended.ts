// Client-safe: how the browser recognises that its session has ended, whichever way it learns it
// (a result with a session-kind code, a route's 401, a server action refused by the proxy).
import type { ActionResult } from "./action-result";
import { SESSION_ERROR_CODES } from "./session-codes";

/** The one sentence every ended session is told with (the proxy sends it as a server action's 401 body). */
export const SESSION_ENDED_MESSAGE = "Your session ended — sign in again.";

/** The sign-in page that returns to `path` afterwards (a same-site path only). */
export function signInAgainHref(path: string): string {
  const safe = path.startsWith("/") && !path.startsWith("//") ? path : "/";
  return `/login?${new URLSearchParams({ callbackUrl: safe })}`;
}

/**
 * True for a failed result whose code is of the `session` kind (signed out, or the role no longer
 * allows it), and for the error a server action throws when the proxy refused it for want of a
 * session.
 */
export function isSessionEnded(outcome: ActionResult<unknown> | unknown): boolean {
  if (outcome instanceof Error) return outcome.message === SESSION_ENDED_MESSAGE;
  if (typeof outcome !== "object" || outcome === null || !("ok" in outcome) || outcome.ok !== false)
    return false;
  const code = (outcome as { code?: unknown }).code;
  return typeof code === "string" && SESSION_ERROR_CODES.has(code);
}
