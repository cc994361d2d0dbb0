import "server-only";
import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/get-db";
import type { Database } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import { recordRouteRefusal } from "@/lib/audit/route-refusal";
import { fail } from "./action-result";
import { clientIpFrom } from "./client-ip";
import { hasSameOrigin, isSafeMethod } from "./origin";
import { hasRole, type Role } from "./roles";
import { SESSION_ENDED_MESSAGE } from "./session-ended";
import { currentActor, type Actor } from "./session";

/**
 * The route-handler counterpart of `authedAction`: a session and a role, checked on the server
 * for every request, and a same-site Origin for every unsafe method, with refusals audited.
 * Answers 401/403 with an `ActionResult` failure instead of running `handler`. A mutating request
 * that the handler refuses or fails is audited here with its code, once.
 */
export function authedRoute<C>(
  config: { action: string; role: Role },
  handler: (request: Request, context: { db: Database; actor: Actor; params: C }) => Promise<Response>,
) {
  return async (request: Request, routeContext: { params: Promise<C> }): Promise<Response> => {
    const actor = await currentActor();
    if (!actor) return NextResponse.json(fail("unauthenticated", SESSION_ENDED_MESSAGE), { status: 401 });
    const db = await getDb();
    if (!hasRole(actor.role, config.role)) {
      await recordAudit(db, {
        actor,
        action: config.action,
        outcome: "denied",
        sourceIp: clientIpFrom(request.headers),
        details: { refused: "forbidden", requiredRole: config.role },
      });
      return NextResponse.json(fail("forbidden", `This needs the ${config.role} role.`), { status: 403 });
    }
    // A POST (or any unsafe method) must come from our own pages: cookies alone prove nothing.
    if (!isSafeMethod(request.method) && !hasSameOrigin(request.headers)) {
      await recordAudit(db, {
        actor,
        action: config.action,
        outcome: "denied",
        sourceIp: clientIpFrom(request.headers),
        details: {
          refused: "bad-origin",
          reason: "origin",
          origin: request.headers.get("origin")?.slice(0, 200) ?? null,
        },
      });
      return NextResponse.json(fail("bad-origin", "This request did not come from a Trustdeck page."), {
        status: 403,
      });
    }
    const response = await handler(request, { db, actor, params: await routeContext.params });
    await recordRouteRefusal(db, { action: config.action, actor, request, response });
    return response;
  };
}
