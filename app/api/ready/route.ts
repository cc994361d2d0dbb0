import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/get-db";
import { checkReadiness } from "@/lib/health/readiness";
import { schedulerStarted } from "@/lib/inventory/scheduler-start";

export const dynamic = "force-dynamic";

/**
 * GET /api/ready — readiness for a load balancer or orchestrator: 200 when the database answers,
 * every migration is applied and the scheduler runs; 503 otherwise. No session; states only.
 */
export async function GET(): Promise<NextResponse> {
  const readiness = await checkReadiness(getDb, schedulerStarted() ? "running" : "not-started");
  return NextResponse.json(readiness, {
    status: readiness.ready ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
