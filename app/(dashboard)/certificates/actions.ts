"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/authed-action";
import { runCertificateAction } from "@/lib/certificates/run-action";
import { certificateActionSchema } from "@/lib/certificates/schemas";
import { encryptionKey } from "@/lib/secrets/key";

/** Every certificate change (upload, rotate, create, activate, import, switch, delete): operators and admins. */
export const runCertificateActionAction = authedAction(
  { action: "certificate.change", role: "operator", schema: certificateActionSchema },
  async (input, { db, actor, sourceIp, audit }) => {
    const result = await runCertificateAction(db, encryptionKey(), input, { actor, sourceIp, audit });
    revalidatePath(`/certificates/${input.connectionId}/${encodeURIComponent(input.setId)}`);
    return result;
  },
);
