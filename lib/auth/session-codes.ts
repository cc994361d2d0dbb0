// Client-safe: the error codes of the `session` kind in lib/auth/error-codes.ts (sign in again),
// on their own so that the dashboard shell, on every page, recognises an ended session without
// loading the whole code map. session-ended.test.ts checks that both lists agree.
import type { ErrorCode } from "./error-codes";

/** The codes that mean the browser must sign in again. */
export const SESSION_ERROR_CODES: ReadonlySet<string> = new Set<ErrorCode>([
  "unauthenticated",
  "forbidden",
  "bad-origin",
]);
