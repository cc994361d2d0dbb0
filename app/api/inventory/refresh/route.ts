import { NextResponse } from "next/server";
import { recordAudit } from "@/lib/audit/record";
import { fail, ok } from "@/lib/auth/action-result";
import { authedRoute } from "@/lib/auth/authed-route";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { readInventoryConnections } from "@/lib/inventory/read";
import { currentRun, readRefreshRun } from "@/lib/inventory/refresh";
import { refreshAndAlert } from "@/lib/inventory/refresh-and-alert";
import { isSameOrigin } from "@/lib/inventory/same-origin";
import { encryptionKey } from "@/lib/secrets/key";

export const dynamic = "force-dynamic";

/**
 * POST /api/inventory/refresh — "Refresh all" (operator). Answers at once with the run id; the
 * refresh continues in this server and its progress is stored for GET. Joins a running refresh.
 */
export const POST = authedRoute(
  { action: "inventory.refresh", role: "operator" },
  async (request, { db, actor }) => {
    if (!isSameOrigin(request))
      return NextResponse.json(fail("forbidden", "Cross-site request refused."), { status: 403 });
    const run = await refreshAndAlert(db, encryptionKey(), { trigger: "manual", actorName: actor.name });
    if (!run.joined)
      await recordAudit(db, {
        actor,
        action: "inventory.refresh",
        outcome: "success",
        sourceIp: clientIpFrom(request.headers),
        target: { type: "inventory-refresh", id: run.runId },
      });
    void run.finished; // runs on after the response; failures are stored per connection
    return NextResponse.json(ok({ runId: run.runId, joined: run.joined }), { status: 202 });
  },
);

/** GET /api/inventory/refresh[?run=<id>] — progress of a run (or the current one) and each connection's freshness (viewer). */
export const GET = authedRoute({ action: "inventory.read", role: "viewer" }, async (request, { db }) => {
  const id = new URL(request.url).searchParams.get("run") ?? (await currentRun(db, new Date()));
  const run = id && /^[0-9a-f-]{36}$/i.test(id) ? await readRefreshRun(db, id) : null;
  const connections = await readInventoryConnections(db);
  return NextResponse.json(ok({ run, connections }), { headers: { "cache-control": "no-store" } });
});
