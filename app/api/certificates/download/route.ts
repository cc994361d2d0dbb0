import { NextResponse } from "next/server";
import { z } from "zod";
import { fail } from "@/lib/auth/action-result";
import { authedRoute } from "@/lib/auth/authed-route";
import { downloadCertificate } from "@/lib/certificates/download";
import { encryptionKey } from "@/lib/secrets/key";

const querySchema = z.object({
  connection: z.uuid(),
  set: z.string().min(1),
  slot: z.string().min(1),
  format: z.enum(["pem", "der"]).default("pem"),
});

/** A slot's public certificate as a PEM or DER file. */
export const GET = authedRoute(
  { action: "certificate.download", role: "viewer" },
  async (request, { db }) => {
    const parsed = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success)
      return NextResponse.json(
        fail("invalid-input", "connection, set, slot and format (pem or der) are required."),
        { status: 400 },
      );
    const result = await downloadCertificate(db, encryptionKey(), parsed.data);
    if (!result.ok) return NextResponse.json(fail(result.code, result.message), { status: result.status });
    return new NextResponse(result.body as BodyInit, {
      headers: {
        "Content-Type": parsed.data.format === "pem" ? "application/x-pem-file" : "application/pkix-cert",
        "Content-Disposition": `attachment; filename="${result.filename}"`,
        "Cache-Control": "no-store",
      },
    });
  },
);
