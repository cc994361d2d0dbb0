import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { alertDeliveries, alertFirings, alertRules, notifications } from "@/lib/db/schema";
import type { DeliveryView, NotificationView } from "./types";
export type { DeliveryView, NotificationView } from "./types";

/** The newest notifications first. */
export async function listNotifications(db: Database, limit = 100): Promise<NotificationView[]> {
  const rows = await db
    .select()
    .from(notifications)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.createdAt.toISOString(),
    title: r.title,
    body: r.body,
    href: r.href,
    read: r.readAt !== null,
  }));
}

/** The newest webhook deliveries first, with the rule's name and the alert's title. */
export async function listDeliveries(db: Database, limit = 200): Promise<DeliveryView[]> {
  const rows = await db
    .select({ d: alertDeliveries, ruleName: alertRules.name, title: alertFirings.title })
    .from(alertDeliveries)
    .innerJoin(alertRules, eq(alertDeliveries.ruleId, alertRules.id))
    .leftJoin(alertFirings, eq(alertDeliveries.firingId, alertFirings.id))
    .orderBy(desc(alertDeliveries.createdAt), desc(alertDeliveries.id))
    .limit(limit);
  return rows.map(({ d, ruleName, title }) => ({
    id: d.id,
    ruleName,
    title: title ?? "Test alert",
    test: d.test,
    status: d.status,
    attempts: d.attempts,
    createdAt: d.createdAt.toISOString(),
    lastAttemptAt: d.lastAttemptAt?.toISOString() ?? null,
    nextAttemptAt: d.nextAttemptAt?.toISOString() ?? null,
    responseStatus: d.responseStatus,
    lastError: d.lastError,
  }));
}

/** One delivery's state, after "send test". */
export async function getDelivery(db: Database, id: number): Promise<DeliveryView | null> {
  return (await listDeliveries(db, 1000)).find((d) => d.id === id) ?? null;
}
