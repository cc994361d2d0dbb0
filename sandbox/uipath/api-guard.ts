import type { Handler, RequestContext, Reply } from "../core/http-types";
import { empty } from "../core/reply";
import type { UipathRuntime } from "./model";
import type { AccessTokenIssuer } from "./access-tokens";
import { findOrg, type UipathOrg } from "./model";
import { forbidden, notFoundProblem, unauthorized, validationProblem } from "./responses";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Per organization, per 5-minute window (Automation Cloud; not Public Sector or Dedicated). */
export const UIPATH_RATE_LIMITS: Record<string, number> = {
  GET: 300,
  POST: 24_000,
  PUT: 160,
  PATCH: 160,
  DELETE: 160,
};

/** A handler that runs once the caller is authenticated and authorised. */
export type OrgHandler = (ctx: RequestContext, org: UipathOrg) => Reply | Promise<Reply>;

/**
 * Wraps an Identity API handler: bearer token (401 with WWW-Authenticate), the
 * per-org rate limit (429), scopes (403, any of `scopes`), the `{org}` path segment
 * and the `partitionGlobalId` (GUID, else 400 model state; another org's, 404).
 */
export function createGuard(runtime: UipathRuntime, tokens: AccessTokenIssuer) {
  return (scopes: string[], handler: OrgHandler): Handler =>
    async (ctx) => {
      const match = /^Bearer\s+(\S+)$/i.exec(String(ctx.headers.authorization ?? ""));
      if (!match) return unauthorized();
      const record = tokens.lookup(match[1]!);
      if (!record) return unauthorized({ code: "invalid_token" });
      if (record.expiresAtMs <= ctx.now.getTime()) {
        return unauthorized({
          code: "invalid_token",
          description: `The token expired at '${dotnetDate(new Date(record.expiresAtMs))}'`,
        });
      }
      const org = findOrg(runtime.state, record.orgName);
      if (!org) return unauthorized({ code: "invalid_token" });

      const limited = rateLimit(runtime, org, ctx);
      if (limited) return limited;
      if (!scopes.some((s) => record.scopes.includes(s))) return forbidden();
      if (ctx.params.org !== undefined && ctx.params.org.toLowerCase() !== org.name.toLowerCase())
        return notFoundProblem(ctx);
      const pgid = ctx.params.partitionGlobalId;
      if (pgid !== undefined) {
        const error = checkPartition(ctx, org, pgid);
        if (error) return error;
      }
      return handler(ctx, org);
    };
}

/** A partitionGlobalId check shared by path and body: GUID format, then ownership. */
export function checkPartition(ctx: RequestContext, org: UipathOrg, pgid: string): Reply | undefined {
  if (!GUID.test(pgid))
    return validationProblem(ctx, { partitionGlobalId: [`The value '${pgid}' is not valid.`] });
  if (pgid.toLowerCase() !== org.partitionGlobalId.toLowerCase()) return notFoundProblem(ctx);
  return undefined;
}

function rateLimit(runtime: UipathRuntime, org: UipathOrg, ctx: RequestContext): Reply | undefined {
  if (!runtime.settings.rateLimits) return undefined;
  const limit = UIPATH_RATE_LIMITS[ctx.method] ?? UIPATH_RATE_LIMITS.GET!;
  const decision = runtime.state.rateWindow.hit(
    `${org.partitionGlobalId}:${ctx.method}`,
    limit,
    ctx.now.getTime(),
  );
  if (decision.allowed) return undefined;
  // Retry-After is undocumented for UiPath; a switch turns it off to test the fallback.
  return empty(
    429,
    runtime.settings.uipathRetryAfter ? { "retry-after": String(decision.resetSeconds) } : {},
  );
}

/** `MM/dd/yyyy HH:mm:ss`, as .NET formats the expiry in its error_description. */
function dotnetDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}
