import { NextResponse } from "next/server";
import { ok } from "@/lib/auth/action-result";
import { authedRoute } from "@/lib/auth/authed-route";
import { readInventory } from "@/lib/inventory/read";
import { pickTimelineCertificate } from "@/lib/timeline/pick";

/**
 * GET /api/timeline — every certificate of the inventory as the Overview's expiry timeline draws
 * it, loaded after the page (which carries only the timeline's first screen): the database only,
 * never a vendor. The timeline's fields only: no PEM, no issuer or serial.
 */
export const GET = authedRoute({ action: "timeline.read", role: "viewer" }, async (_request, { db }) => {
  const { certificates } = await readInventory(db);
  return NextResponse.json(ok({ certificates: certificates.map(pickTimelineCertificate) }), {
    headers: { "Cache-Control": "no-store" },
  });
});
