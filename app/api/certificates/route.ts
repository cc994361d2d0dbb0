import { NextResponse } from "next/server";
import { ok } from "@/lib/auth/action-result";
import { authedRoute } from "@/lib/auth/authed-route";
import { readCertificateInventory } from "@/lib/certificates/read";
import { encryptionKey } from "@/lib/secrets/key";

/** The certificate inventory as JSON, for the list's refresh (React Query). Public certificates only. */
export const GET = authedRoute({ action: "certificate.list", role: "viewer" }, async (_request, { db }) => {
  const inventory = await readCertificateInventory(db, encryptionKey());
  return NextResponse.json(ok(inventory), { headers: { "Cache-Control": "no-store" } });
});
