import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/get-db";
import { getEnv } from "@/lib/env";
import { metricsAuthorised, renderMetrics } from "@/lib/metrics/exposition";

export const dynamic = "force-dynamic";

/**
 * GET /api/metrics — Prometheus exposition, for a scraper holding METRICS_TOKEN as a bearer
 * token (no user session). Off (404) while METRICS_TOKEN is unset.
 */
export async function GET(request: Request): Promise<Response> {
  const token = getEnv().METRICS_TOKEN;
  if (!token) return NextResponse.json({ error: "not-found" }, { status: 404 });
  if (!metricsAuthorised(request.headers.get("authorization"), token))
    return NextResponse.json(
      { error: "unauthorized", message: "A bearer token (METRICS_TOKEN) is required." },
      { status: 401, headers: { "www-authenticate": 'Bearer realm="trustdeck-metrics"' } },
    );
  const { body, contentType } = await renderMetrics(await getDb(), new Date());
  return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
}
