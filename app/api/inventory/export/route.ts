import { fail } from "@/lib/auth/action-result";
import { authedRoute } from "@/lib/auth/authed-route";
import { publicOrigin } from "@/lib/auth/origin";
import { toCsv, toIcs } from "@/lib/inventory/export-formats";
import { exportRows } from "@/lib/inventory/export-rows";

export const dynamic = "force-dynamic";

const TYPES = {
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
  ics: "text/calendar; charset=utf-8",
} as const;

/** GET /api/inventory/export?format=csv|json|ics — the inventory snapshot as a download (viewer). */
export const GET = authedRoute({ action: "inventory.export", role: "viewer" }, async (request, { db }) => {
  const url = new URL(request.url);
  const format = url.searchParams.get("format") ?? "csv";
  if (!(format in TYPES))
    return Response.json(fail("invalid-input", "Use format=csv, json or ics."), { status: 400 });
  const now = new Date();
  const { rows, emptySets, connections } = await exportRows(db, now);
  const body =
    format === "csv"
      ? toCsv(rows, emptySets)
      : format === "ics"
        ? toIcs(rows, now, publicOrigin() ?? url.origin)
        : JSON.stringify(
            { exportedAt: now.toISOString(), connections, certificates: rows, emptySets },
            null,
            2,
          );
  const name = `trustdeck-inventory-${now.toISOString().slice(0, 10)}.${format}`;
  return new Response(body, {
    headers: {
      "content-type": TYPES[format as keyof typeof TYPES],
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "no-store",
    },
  });
});
