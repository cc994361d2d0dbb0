import "server-only";
import type { Database } from "@/lib/db/client";
import { isErrorCode } from "@/lib/auth/error-codes";
import { clientIpFrom } from "@/lib/auth/client-ip";
import type { AuditActor } from "./record";
import { recordAudit } from "./record";
import { refusalAudit } from "./refusal";

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Audit a mutating route request that answered with an `ActionResult` failure (the handlers audit
 * their successes themselves). Reads a clone of the answer, so the response is left intact.
 */
export async function recordRouteRefusal(
  db: Database,
  attempt: { action: string; actor: AuditActor; request: Request; response: Response },
): Promise<void> {
  const { request, response } = attempt;
  if (READ_METHODS.has(request.method) || response.status < 400) return;
  const body: unknown = await response
    .clone()
    .json()
    .catch(() => null);
  const code =
    body && typeof body === "object" && "code" in body && isErrorCode(body.code) ? body.code : "internal";
  await recordAudit(db, {
    ...refusalAudit(attempt.action, { code }, null),
    action: attempt.action,
    actor: attempt.actor,
    sourceIp: clientIpFrom(request.headers),
  });
}
