import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { alertRules } from "@/lib/db/schema";
import type { Vendor } from "@/lib/connections/schemas";
import { decryptJson, encryptJson } from "@/lib/secrets/crypto";
import type { AlertRule } from "./schemas";
import type { AlertRuleView } from "./types";
export type { AlertRuleView } from "./types";

const purpose = (ruleId: string) => `alert-rule:${ruleId}`;

type Row = typeof alertRules.$inferSelect;

function toView(row: Row): AlertRuleView {
  return {
    id: row.id,
    name: row.name,
    enabled: row.enabled,
    thresholds: row.thresholds,
    scopeVendor: (row.scopeVendor as Vendor | null) ?? null,
    scopeConnectionId: row.scopeConnectionId,
    scopeSetId: row.scopeSetId,
    channel: row.channel,
    webhookUrl: row.webhookUrl,
    webhookFormat: row.webhookFormat,
    webhookSecretSet: Boolean(row.webhookSecretCiphertext),
  };
}

/** Every rule, for the alerts page and for evaluation. */
export async function listAlertRules(db: Database): Promise<AlertRuleView[]> {
  return (await db.select().from(alertRules).orderBy(asc(alertRules.name))).map(toView);
}

/** The decrypted webhook secret of a rule (server only: signing), or null. */
export async function webhookSecretOf(db: Database, key: Uint8Array, ruleId: string): Promise<string | null> {
  const [row] = await db
    .select({ ciphertext: alertRules.webhookSecretCiphertext })
    .from(alertRules)
    .where(eq(alertRules.id, ruleId));
  if (!row?.ciphertext) return null;
  const value = await decryptJson(row.ciphertext, key, purpose(ruleId));
  return typeof value === "string" ? value : null;
}

/** Create or update a rule. An empty secret on update keeps the stored one; secrets are encrypted at rest. */
export async function saveAlertRule(db: Database, key: Uint8Array, input: AlertRule): Promise<AlertRuleView> {
  const id = input.id ?? crypto.randomUUID();
  const webhook = input.channel === "webhook";
  const values = {
    name: input.name,
    enabled: input.enabled,
    thresholds: input.thresholds,
    scopeVendor: input.scopeVendor ?? null,
    scopeConnectionId: input.scopeConnectionId ?? null,
    scopeSetId: input.scopeSetId ?? null,
    channel: input.channel,
    webhookUrl: webhook ? (input.webhookUrl ?? null) : null,
    webhookFormat: webhook ? input.webhookFormat : null,
    updatedAt: new Date(),
  };
  const secret =
    webhook && input.webhookSecret ? await encryptJson(input.webhookSecret, key, purpose(id)) : undefined;
  const [row] = input.id
    ? await db
        .update(alertRules)
        .set({
          ...values,
          ...(secret !== undefined ? { webhookSecretCiphertext: secret } : {}),
          ...(webhook ? {} : { webhookSecretCiphertext: null }),
        })
        .where(eq(alertRules.id, id))
        .returning()
    : await db
        .insert(alertRules)
        .values({ id, ...values, webhookSecretCiphertext: secret ?? null })
        .returning();
  if (!row) throw new Error("alert rule not found");
  return toView(row);
}

/** Delete a rule with its firings and deliveries (cascade); notifications stay. */
export async function deleteAlertRule(db: Database, id: string): Promise<string | null> {
  const [row] = await db.delete(alertRules).where(eq(alertRules.id, id)).returning({ name: alertRules.name });
  return row?.name ?? null;
}
