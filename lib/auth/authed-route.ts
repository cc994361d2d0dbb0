import "server-only";
import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/get-db";
import type { Database } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import { fail } from "./action-result";
import { clientIpFrom } from "./client-ip";
import { hasRole, type Role } from "./roles";
import { currentActor, type Actor } from "./session";

/**
 * The route-handler counterpart of `authedAction`: a session and a role, checked on the server
 * for every request, with refusals audited. Answers 401/403 with an `ActionResult` failure instead
 * of running `handler`.
 */
export function authedRoute<C>(
  config: { action: string; role: Role },
  handler: (request: Request, context: { db: Database; actor: Actor; params: C }) => Promise<Response>,
) {
  return async (request: Request, routeContext: { params: Promise<C> }): Promise<Response> => {
    const actor = await currentActor();
    if (!actor) return NextResponse.json(fail("unauthenticated", "Sign in again."), { status: 401 });
    const db = await getDb();
    if (!hasRole(actor.role, config.role)) {
      await recordAudit(db, {
        actor,
        action: config.action,
        outcome: "denied",
        sourceIp: clientIpFrom(request.headers),
        details: { requiredRole: config.role },
      });
      return NextResponse.json(fail("forbidden", `This needs the ${config.role} role.`), { status: 403 });
    }
    return handler(request, { db, actor, params: await routeContext.params });
  };
}
