// Client-safe: the input of "acknowledge a drift entry", shared by the Overview's button and the action.
import { z } from "zod";

/** Which drift entry to acknowledge: its id as the Overview lists it (one change seen at one refresh). */
export const driftAcknowledgeSchema = z.object({
  id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
});

export type DriftAcknowledgeInput = z.input<typeof driftAcknowledgeSchema>;

/** The least role that may acknowledge drift (checked on the server; viewers are not offered it). */
export const DRIFT_ACKNOWLEDGE_ROLE = "operator" as const;

/** The audit action of an acknowledgement (refusals included). */
export const DRIFT_ACKNOWLEDGE_ACTION = "inventory.drift.acknowledge";
