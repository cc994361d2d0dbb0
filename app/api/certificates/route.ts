import { NextResponse } from "next/server";
import { ok } from "@/lib/auth/action-result";
import { authedRoute } from "@/lib/auth/authed-route";
import { readCertificateList } from "@/lib/certificates/read";

/**
 * GET /api/certificates — every enabled connection's certificate sets from the inventory, for the
 * list's refetch (React Query, also on tab refocus): the database only, never a vendor.
 * Summaries only: no PEM.
 */
export const GET = authedRoute({ action: "certificate.list", role: "viewer" }, async (_request, { db }) => {
  const list = await readCertificateList(db);
  return NextResponse.json(ok(list), { headers: { "Cache-Control": "no-store" } });
});
