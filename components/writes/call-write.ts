import type { ActionResult, ErrorCode } from "@/lib/auth/action-result";
import { isSessionEnded, SESSION_ENDED_MESSAGE } from "@/lib/auth/session-ended";

/** What the user is told when a change's server action never answered. */
export const SERVER_LOST =
  "The server stopped answering; the change may or may not have been made — it will be checked. This page shows the outcome once it is known; do not repeat the change before then.";

/** Codes after which the page must be read again: the change may have been made. */
export const UNSETTLED_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  "server-lost",
  "write-unknown",
  "write-not-applied",
]);

/**
 * Calls a write's server action and never lets a failure pass silently: a rejected call (the
 * server died, the network dropped, the action threw) becomes a `server_lost` result to show, and a
 * call the proxy refused for want of a session an `unauthenticated` one.
 */
export async function callWrite<T>(run: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await run();
  } catch (error) {
    // The proxy refused the call for want of a session: nothing ran, and the user must sign in.
    if (isSessionEnded(error)) return { ok: false, code: "unauthenticated", message: SESSION_ENDED_MESSAGE };
    return { ok: false, code: "server-lost", message: SERVER_LOST };
  }
}
