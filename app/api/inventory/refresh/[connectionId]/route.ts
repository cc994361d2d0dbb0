import { NextResponse } from "next/server";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { fail, ok } from "@/lib/auth/action-result";
import { authedRoute } from "@/lib/auth/authed-route";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { readInventoryConnections } from "@/lib/inventory/read";
import { refreshConnectionOnce } from "@/lib/inventory/refresh-connection";
import { isSameOrigin } from "@/lib/inventory/same-origin";
import { encryptionKey } from "@/lib/secrets/key";

export const dynamic = "force-dynamic";

/**
 * POST /api/inventory/refresh/<connectionId> — "Refresh this connection" on the list pages.
 *
 * A viewer may ask: reading is a viewer's right, and this changes nothing at the vendor; it only
 * reads one connection again into the inventory. What keeps it from costing the vendor account
 * is not the role but the path: one refresh of a connection at a time (a second asker joins the
 * one in flight) and the same per-account rate budget as every other vendor call. Answers when
 * the read is done, with the connection's new freshness (its error, if the read failed).
 */
export const POST = authedRoute<{ connectionId: string }>(
  { action: "inventory.refresh-connection", role: "viewer" },
  async (request, { db, actor, params }) => {
    if (!isSameOrigin(request))
      return NextResponse.json(fail("forbidden", "Cross-site request refused."), { status: 403 });
    const id = z.uuid().safeParse(params.connectionId);
    const outcome = id.success ? await refreshConnectionOnce(db, encryptionKey(), id.data) : null;
    if (!id.success || !outcome)
      return NextResponse.json(fail("not-found", "This connection does not exist or is disabled."), {
        status: 404,
      });
    const connection = (await readInventoryConnections(db)).find((c) => c.id === id.data) ?? null;
    await recordAudit(db, {
      actor,
      action: "inventory.refresh-connection",
      outcome: outcome.failure ? "failure" : "success",
      sourceIp: clientIpFrom(request.headers),
      target: { type: "connection", id: id.data, label: connection?.name },
      details: outcome.failure ? { message: outcome.failure } : undefined,
    });
    return NextResponse.json(ok({ connection }), { headers: { "cache-control": "no-store" } });
  },
);
