import "server-only";
import { eq } from "drizzle-orm";
import { fail, ok, type ActionResult } from "@/lib/auth/action-result";
import type { ActionContext } from "@/lib/auth/authed-action";
import {
  connections,
  inventoryCertificates,
  inventoryDrift,
  inventoryDriftAcknowledgements,
} from "@/lib/db/schema";
import { formatUtcDateTime } from "@/lib/time/format";
import type { DriftAcknowledgeInput } from "./drift-schemas";

/** Who acknowledged a drift entry, and when (ISO 8601). */
export interface DriftAcknowledgement {
  driftId: number;
  acknowledgedAt: string;
  acknowledgedBy: string;
}

/**
 * Acknowledge one drift entry for everyone: it leaves the Overview's drift list, and the audit log
 * keeps who acknowledged which change and when. The acknowledgement is keyed on the entry (one
 * change seen at one refresh), so a later change to the same set or slot is a new entry and shows.
 * Exactly one of two concurrent or repeated acknowledgements succeeds (the table's primary key
 * decides); the other is refused as `already-acknowledged`, naming who was first. Every outcome,
 * an unknown id included, leaves one audit event.
 */
export async function acknowledgeDrift(
  input: DriftAcknowledgeInput,
  { db, actor, audit }: Pick<ActionContext, "db" | "actor" | "audit">,
  now: Date = new Date(),
): Promise<ActionResult<DriftAcknowledgement>> {
  const [drift] = await db
    .select({
      id: inventoryDrift.id,
      kind: inventoryDrift.kind,
      detectedAt: inventoryDrift.detectedAt,
      connectionId: inventoryDrift.connectionId,
      setId: inventoryDrift.setId,
      message: inventoryDrift.message,
      connectionName: connections.name,
      setLabel: inventoryCertificates.setLabel,
    })
    .from(inventoryDrift)
    .leftJoin(connections, eq(connections.id, inventoryDrift.connectionId))
    .leftJoin(inventoryCertificates, eq(inventoryCertificates.key, inventoryDrift.certificateKey))
    .where(eq(inventoryDrift.id, input.id));
  if (!drift) {
    const failure = fail(
      "not-found",
      `There is no drift entry ${input.id}: nothing was acknowledged. Reload the Overview to see the current list.`,
    );
    await audit({
      outcome: "denied",
      target: { type: "inventory-drift", id: String(input.id) },
      details: { refused: failure.code, kind: "conflict", driftId: input.id },
    });
    return failure;
  }

  // The same target as the drift's own audit event, so the set's history shows both.
  const target = {
    type: "certificate-set",
    id: `${drift.connectionId}/${drift.setId}`,
    label: `${drift.connectionName ?? drift.connectionId} · ${drift.setLabel ?? drift.setId}`,
  };
  const about = {
    driftId: drift.id,
    driftKind: drift.kind,
    detectedAt: drift.detectedAt.toISOString(),
    message: drift.message,
  };
  const [stored] = await db
    .insert(inventoryDriftAcknowledgements)
    .values({ driftId: drift.id, acknowledgedAt: now, actorId: actor.id, actorName: actor.name })
    .onConflictDoNothing()
    .returning();

  if (!stored) {
    const [first] = await db
      .select()
      .from(inventoryDriftAcknowledgements)
      .where(eq(inventoryDriftAcknowledgements.driftId, drift.id));
    const by = first?.actorName ?? "someone";
    const at = first ? formatUtcDateTime(first.acknowledgedAt) : "an earlier moment";
    await audit({
      outcome: "denied",
      target,
      details: {
        refused: "already-acknowledged",
        kind: "conflict",
        ...about,
        acknowledgedBy: first?.actorName ?? null,
        acknowledgedAt: first?.acknowledgedAt.toISOString() ?? null,
      },
    });
    return fail(
      "already-acknowledged",
      `${by} already acknowledged this drift at ${at}; it is no longer listed, and nothing else changed.`,
    );
  }

  await audit({ outcome: "success", target, details: about });
  return ok(
    { driftId: drift.id, acknowledgedAt: stored.acknowledgedAt.toISOString(), acknowledgedBy: actor.name },
    "Drift acknowledged: it no longer shows on the Overview, for anyone.",
  );
}
