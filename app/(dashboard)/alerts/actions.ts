"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/authed-action";
import { fail, ok } from "@/lib/auth/action-result";
import { processDueDeliveries } from "@/lib/inventory/alerts/deliver";
import { markNotificationsRead, queueTestAlert } from "@/lib/inventory/alerts/fire";
import { getDelivery, type DeliveryView } from "@/lib/inventory/alerts/queries";
import {
  deleteAlertRule,
  listAlertRules,
  saveAlertRule,
  type AlertRuleView,
} from "@/lib/inventory/alerts/rules-data";
import {
  alertRuleIdSchema,
  alertRuleInputSchema,
  notificationsReadSchema,
} from "@/lib/inventory/alerts/schemas";
import { checkWebhookUrl, maskWebhookUrl } from "@/lib/inventory/alerts/webhook";
import { encryptionKey } from "@/lib/secrets/key";

/** What the audit log keeps of a rule: never the webhook secret (only whether one is set), the URL's origin only. */
const summary = (rule: AlertRuleView) => ({
  name: rule.name,
  enabled: rule.enabled,
  thresholds: rule.thresholds,
  scope: { vendor: rule.scopeVendor, connectionId: rule.scopeConnectionId, setId: rule.scopeSetId },
  channel: rule.channel,
  webhookUrl: maskWebhookUrl(rule.webhookUrl),
  webhookFormat: rule.webhookFormat,
  webhookSecretSet: rule.webhookSecretSet,
});

export const saveAlertRuleAction = authedAction(
  { action: "alert-rule.save", role: "admin", schema: alertRuleInputSchema },
  async (input, { db, audit }) => {
    if (input.channel === "webhook" && input.webhookUrl) {
      const refused = await checkWebhookUrl(input.webhookUrl);
      if (refused) return fail("webhook-refused", refused, { fieldErrors: { webhookUrl: [refused] } });
    }
    const before = input.id ? (await listAlertRules(db)).find((r) => r.id === input.id) : undefined;
    if (input.id && !before) return fail("not-found", "This rule no longer exists.");
    const rule = await saveAlertRule(db, encryptionKey(), input);
    await audit({
      outcome: "success",
      target: { type: "alert-rule", id: rule.id, label: rule.name },
      details: {
        before: before ? summary(before) : null,
        after: summary(rule),
        secretReplaced: Boolean(input.webhookSecret),
      },
    });
    revalidatePath("/alerts");
    return ok(rule, `Rule “${rule.name}” saved.`);
  },
);

export const deleteAlertRuleAction = authedAction(
  { action: "alert-rule.delete", role: "admin", schema: alertRuleIdSchema },
  async ({ id }, { db, audit }) => {
    const name = await deleteAlertRule(db, id);
    if (!name) return fail("not-found", "This rule no longer exists.");
    await audit({ outcome: "success", target: { type: "alert-rule", id, label: name } });
    revalidatePath("/alerts");
    return ok(null, `Rule “${name}” deleted.`);
  },
);

/** Send a test through the rule's channel now, and report what happened (the delivery is recorded). */
export const sendTestAlertAction = authedAction(
  { action: "alert-rule.test", role: "admin", schema: alertRuleIdSchema },
  async ({ id }, { db, audit }) => {
    const rule = (await listAlertRules(db)).find((r) => r.id === id);
    if (!rule) return fail("not-found", "This rule no longer exists.");
    const now = new Date();
    const deliveryId = await queueTestAlert(db, rule, now);
    let delivery: DeliveryView | null = null;
    if (deliveryId !== null) {
      await processDueDeliveries(db, encryptionKey(), now);
      delivery = await getDelivery(db, deliveryId);
    }
    const delivered = deliveryId === null || delivery?.status === "delivered";
    await audit({
      outcome: delivered ? "success" : "failure",
      target: { type: "alert-rule", id, label: rule.name },
      details: {
        channel: rule.channel,
        status: delivery?.status ?? "notified",
        responseStatus: delivery?.responseStatus ?? null,
        error: delivery?.lastError ?? null,
      },
    });
    revalidatePath("/alerts");
    if (delivery && delivery.status !== "delivered")
      return fail(
        "webhook-failed",
        `The test did not arrive: ${delivery.lastError ?? "unknown error"} Trustdeck retries it with backoff.`,
      );
    return ok(
      delivery,
      deliveryId === null
        ? "A test notification was added to the list below."
        : `The receiver accepted the test (HTTP ${delivery?.responseStatus}).`,
    );
  },
);

export const markNotificationsReadAction = authedAction(
  { action: "notification.read", role: "viewer", schema: notificationsReadSchema },
  async ({ ids }, { db }) => {
    await markNotificationsRead(db, ids, new Date());
    revalidatePath("/alerts");
    return ok(null);
  },
);
