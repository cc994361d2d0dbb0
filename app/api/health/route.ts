import { NextResponse } from "next/server";

export const dynamic = "force-dynamic";

/** GET /api/health — liveness: the process answers. No session; says nothing else. */
export function GET(): NextResponse {
  return NextResponse.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
