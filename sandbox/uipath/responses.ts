import type { RequestContext, Reply } from "../core/http-types";
import { empty, json } from "../core/reply";

/** ASP.NET Core answers JSON with a charset. */
export const ASPNET_JSON = "application/json; charset=utf-8";

/** A JSON reply as ASP.NET writes it. */
export function aspJson(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return json(status, body, headers, ASPNET_JSON);
}

/**
 * A model-state validation failure: `{"errors":{"field":["message"]}}` inside the
 * ProblemDetails wrapper ASP.NET Core's [ApiController] produces.
 */
export function validationProblem(ctx: RequestContext, errors: Record<string, string[]>): Reply {
  return aspJson(
    400,
    {
      type: "https://tools.ietf.org/html/rfc9110#section-15.5.1",
      title: "One or more validation errors occurred.",
      status: 400,
      errors,
      traceId: ctx.requestId,
    },
    {},
  );
}

/** ProblemDetails 404, as `NotFound()` returns it. */
export function notFoundProblem(ctx: RequestContext): Reply {
  return aspJson(404, {
    type: "https://tools.ietf.org/html/rfc9110#section-15.5.5",
    title: "Not Found",
    status: 404,
    traceId: ctx.requestId,
  });
}

/** A generic ProblemDetails for other statuses (fault injection, 415). */
export function problem(ctx: RequestContext, status: number, title: string): Reply {
  return aspJson(status, {
    type: `https://tools.ietf.org/html/rfc9110`,
    title,
    status,
    traceId: ctx.requestId,
  });
}

/** Bearer failures carry only WWW-Authenticate (the JwtBearer handler writes no body). */
export function unauthorized(error?: { code: string; description?: string }): Reply {
  if (!error) return empty(401, { "www-authenticate": "Bearer" });
  const desc = error.description ? `, error_description="${error.description}"` : "";
  return empty(401, { "www-authenticate": `Bearer error="${error.code}"${desc}` });
}

/** Missing scope: 403 with no body. */
export function forbidden(): Reply {
  return empty(403);
}

/** The token endpoint's RFC 6749 error body (no WWW-Authenticate). */
export function oauthError(error: string, description?: string): Reply {
  return aspJson(
    400,
    { error, ...(description && { error_description: description }) },
    { "cache-control": "no-store", pragma: "no-cache" },
  );
}
