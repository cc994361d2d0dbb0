import type { RequestContext, Reply } from "../core/http-types";
import { isRecord } from "../core/reply";
import { problem, validationProblem } from "./responses";

/**
 * Reads a JSON object body as ASP.NET's [FromBody] does: a non-JSON content type is
 * 415, an empty body or unparsable JSON is a 400 model-state error.
 */
export function readJsonObject(
  ctx: RequestContext,
): { ok: true; body: Record<string, unknown> } | { ok: false; reply: Reply } {
  const type = String(ctx.headers["content-type"] ?? "").toLowerCase();
  if (!type.startsWith("application/json") && !type.includes("+json")) {
    return { ok: false, reply: problem(ctx, 415, "Unsupported Media Type") };
  }
  if (ctx.body.length === 0)
    return { ok: false, reply: validationProblem(ctx, { "": ["A non-empty request body is required."] }) };
  let parsed: unknown;
  try {
    parsed = JSON.parse(ctx.body.toString("utf8"));
  } catch {
    return { ok: false, reply: validationProblem(ctx, { $: ["The JSON value could not be parsed."] }) };
  }
  if (!isRecord(parsed))
    return {
      ok: false,
      reply: validationProblem(ctx, { $: ["The JSON value could not be converted to an object."] }),
    };
  return { ok: true, body: parsed };
}
