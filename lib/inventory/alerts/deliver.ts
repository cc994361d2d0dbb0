import "server-only";
import { and, eq, lte } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { alertDeliveries, alertFirings, alertRules } from "@/lib/db/schema";
import { retryDelayMs } from "./evaluate";
import { webhookSecretOf } from "./rules-data";
import { sendWebhook, type AlertMessage, type WebhookSender } from "./webhook";

/** A claimed delivery is hidden from other instances for this long while it is being sent. */
const CLAIM_MS = 5 * 60_000;

function testMessage(ruleName: string): AlertMessage {
  return {
    title: `Test alert: ${ruleName}`,
    text: "This is a test of the rule's webhook. No certificate is affected.",
    href: "/alerts",
    data: { test: true },
  };
}

/**
 * Send every pending webhook delivery due at `now`. Each is claimed with a conditional update
 * first, so two instances never send the same one. A failure is retried with backoff (1 min,
 * 5 min, 30 min, 2 h) and then marked failed; every attempt's outcome is stored.
 */
export async function processDueDeliveries(
  db: Database,
  key: Uint8Array,
  now: Date,
  send: WebhookSender = sendWebhook,
): Promise<{ delivered: number; failed: number }> {
  const due = await db
    .select({
      id: alertDeliveries.id,
      attempts: alertDeliveries.attempts,
      nextAttemptAt: alertDeliveries.nextAttemptAt,
      ruleId: alertRules.id,
      ruleName: alertRules.name,
      url: alertRules.webhookUrl,
      format: alertRules.webhookFormat,
      payload: alertFirings.payload,
    })
    .from(alertDeliveries)
    .innerJoin(alertRules, eq(alertDeliveries.ruleId, alertRules.id))
    .leftJoin(alertFirings, eq(alertDeliveries.firingId, alertFirings.id))
    .where(and(eq(alertDeliveries.status, "pending"), lte(alertDeliveries.nextAttemptAt, now)));
  let delivered = 0;
  let failed = 0;
  for (const d of due) {
    const [claimed] = await db
      .update(alertDeliveries)
      .set({ nextAttemptAt: new Date(now.getTime() + CLAIM_MS) })
      .where(
        and(
          eq(alertDeliveries.id, d.id),
          eq(alertDeliveries.status, "pending"),
          lte(alertDeliveries.nextAttemptAt, now),
        ),
      )
      .returning({ id: alertDeliveries.id });
    if (!claimed) continue;
    const attempts = d.attempts + 1;
    if (!d.url) {
      await db
        .update(alertDeliveries)
        .set({
          status: "failed",
          attempts,
          lastAttemptAt: now,
          nextAttemptAt: null,
          lastError: "The rule has no webhook URL.",
        })
        .where(eq(alertDeliveries.id, d.id));
      failed++;
      continue;
    }
    const message = (d.payload as AlertMessage | null) ?? testMessage(d.ruleName);
    const secret = await webhookSecretOf(db, key, d.ruleId).catch(() => null);
    const result = await send({ url: d.url, format: d.format ?? "json", secret, message, now });
    if (result.ok) {
      await db
        .update(alertDeliveries)
        .set({
          status: "delivered",
          attempts,
          lastAttemptAt: now,
          nextAttemptAt: null,
          responseStatus: result.status,
          lastError: null,
        })
        .where(eq(alertDeliveries.id, d.id));
      delivered++;
      continue;
    }
    const delay = retryDelayMs(attempts);
    await db
      .update(alertDeliveries)
      .set({
        status: delay === null ? "failed" : "pending",
        attempts,
        lastAttemptAt: now,
        nextAttemptAt: delay === null ? null : new Date(now.getTime() + delay),
        responseStatus: result.status,
        lastError: result.error,
      })
      .where(eq(alertDeliveries.id, d.id));
    if (delay === null) failed++;
  }
  return { delivered, failed };
}
