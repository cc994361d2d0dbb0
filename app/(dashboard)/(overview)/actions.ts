"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/authed-action";
import { acknowledgeDrift } from "@/lib/inventory/drift-acknowledge";
import {
  DRIFT_ACKNOWLEDGE_ACTION,
  DRIFT_ACKNOWLEDGE_ROLE,
  driftAcknowledgeSchema,
} from "@/lib/inventory/drift-schemas";

/** Acknowledge one drift entry on the Overview: it leaves the list for everyone (audited). */
export const acknowledgeDriftAction = authedAction(
  { action: DRIFT_ACKNOWLEDGE_ACTION, role: DRIFT_ACKNOWLEDGE_ROLE, schema: driftAcknowledgeSchema },
  async (input, context) => {
    const result = await acknowledgeDrift(input, context);
    // Someone else's earlier acknowledgement also means the list the user sees is out of date.
    if (result.ok || result.code === "already-acknowledged" || result.code === "not-found")
      revalidatePath("/");
    return result;
  },
);
