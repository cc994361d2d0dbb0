import { NextResponse } from "next/server";
import { z } from "zod";
import { fail, ok } from "@/lib/auth/action-result";
import { authedRoute } from "@/lib/auth/authed-route";
import { readConnectionCertificateSets } from "@/lib/certificates/read";

const querySchema = z.object({ connection: z.uuid() });

/**
 * GET /api/certificates?connection=<id> — one connection's certificate sets from the inventory,
 * for the list's refetch (React Query, also on tab refocus): the database only, never a vendor.
 * Summaries only: no PEM.
 */
export const GET = authedRoute({ action: "certificate.list", role: "viewer" }, async (request, { db }) => {
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success)
    return NextResponse.json(fail("invalid-input", "Name one connection: ?connection=<id>."), {
      status: 400,
    });
  const sets = await readConnectionCertificateSets(db, query.data.connection);
  if (!sets)
    return NextResponse.json(fail("not-found", "This connection does not exist or is disabled."), {
      status: 404,
    });
  return NextResponse.json(ok(sets), { headers: { "Cache-Control": "no-store" } });
});
