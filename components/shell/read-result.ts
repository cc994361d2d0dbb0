import type { ActionResult } from "@/lib/auth/action-result";

/**
 * `readResult` (lib/auth/action-result), loaded on its first use: the closed list of error codes
 * it checks a body against then stays out of the first load of pages that only read a route
 * handler's answer after a click or a timer.
 */
export async function readResultOnDemand<T>(response: Response | null): Promise<ActionResult<T>> {
  const { readResult } = await import("@/lib/auth/action-result");
  return readResult<T>(response);
}
