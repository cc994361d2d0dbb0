import "server-only";
import { headers } from "next/headers";
import { z } from "zod";
import { getDb } from "@/lib/db/get-db";
import type { Database } from "@/lib/db/client";
import { recordAudit, type AuditEntry } from "@/lib/audit/record";
import { refusalAudit } from "@/lib/audit/refusal";
import { fail, type ActionFailure, type ActionResult } from "./action-result";
import { clientIpFrom } from "./client-ip";
import { hasSameOrigin } from "./origin";
import { hasRole, type Role } from "./roles";
import { SESSION_ENDED_MESSAGE } from "./session-ended";
import { currentActor, type Actor } from "./session";

export type ActionContext = {
  db: Database;
  actor: Actor;
  sourceIp: string | null;
  /** Record an audit event for this action, with actor, action name and source filled in. */
  audit: (entry: Omit<AuditEntry, "actor" | "action" | "sourceIp"> & { action?: string }) => Promise<void>;
};

type ActionConfig<S extends z.ZodType> = {
  /** The audit action name, e.g. `connection.create`. */
  action: string;
  /** The least role allowed to run it. */
  role: Role;
  schema: S;
};

/**
 * Every server action goes through here: authenticate, authorise the role, refuse a missing
 * or foreign Origin, parse the input with
 * the same zod schema the form uses, then run. Actions are public POST endpoints, so these checks
 * cannot live in the page. Every attempt by a signed-in user leaves exactly one audit row: `run`
 * records its own; any failure it returned without one (invalid input, a rule, a vendor failure)
 * is recorded here with its code.
 */
export function authedAction<S extends z.ZodType, T>(
  config: ActionConfig<S>,
  run: (input: z.output<S>, context: ActionContext) => Promise<ActionResult<T>>,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  return async (raw) => {
    const actor = await currentActor();
    if (!actor) return fail("unauthenticated", SESSION_ENDED_MESSAGE);
    const db = await getDb();
    const requestHeaders = await headers();
    const sourceIp = clientIpFrom(requestHeaders);
    let audited = false;
    const audit: ActionContext["audit"] = (entry) => {
      audited = true;
      return recordAudit(db, { ...entry, action: entry.action ?? config.action, actor, sourceIp });
    };
    const refuse = async (failure: ActionFailure): Promise<ActionFailure> => {
      await audit(refusalAudit(config.action, failure, raw));
      return failure;
    };

    if (!hasRole(actor.role, config.role)) {
      await audit({ outcome: "denied", details: { refused: "forbidden", requiredRole: config.role } });
      return fail(
        "forbidden",
        `This needs the ${config.role} role; your role is ${actor.role}. Ask an admin if you need it.`,
      );
    }
    // Next.js runs an action whose request has no Origin header: a forged cross-site request
    // must not, whatever the role of the victim whose cookie it carries.
    if (!hasSameOrigin(requestHeaders)) {
      await audit({
        outcome: "denied",
        details: {
          refused: "bad-origin",
          reason: "origin",
          origin: requestHeaders.get("origin")?.slice(0, 200) ?? null,
        },
      });
      return fail(
        "bad-origin",
        "This request did not come from a Trustdeck page (its Origin is missing or another site's). Reload the page and try again.",
      );
    }
    const parsed = config.schema.safeParse(raw);
    if (!parsed.success) {
      return refuse(
        fail("invalid-input", "Some fields need attention.", {
          fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>,
        }),
      );
    }
    try {
      const result = await run(parsed.data, { db, actor, sourceIp, audit });
      return result.ok || audited ? result : await refuse(result);
    } catch (error) {
      // Unexpected: log the type and message only (never inputs, which may hold secrets).
      console.error(
        `[action ${config.action}] ${error instanceof Error ? `${error.name}: ${error.message}` : "unknown error"}`,
      );
      // Always recorded, even after `run` audited an intent: the attempt's end must be in the log.
      await audit({
        ...refusalAudit(config.action, { code: "internal" }, raw),
        details: { error: "internal" },
      }).catch(() => undefined);
      return fail(
        "internal",
        "The server could not complete this action. Check the audit log for what changed, then try again.",
      );
    }
  };
}

/** For server components: the actor if they hold `role`, else null (the page shows a refusal). */
export async function actorWithRole(role: Role): Promise<Actor | null> {
  const actor = await currentActor();
  return actor && hasRole(actor.role, role) ? actor : null;
}
