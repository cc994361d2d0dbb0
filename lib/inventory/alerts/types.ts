// Client-safe: alert rules, notifications and deliveries as the alerts page renders them.
import type { Vendor } from "@/lib/connections/schemas";
import type { Threshold } from "./schemas";

/** What the browser may see of a rule: whether a webhook secret is set, never its value. */
export interface AlertRuleView {
  id: string;
  name: string;
  enabled: boolean;
  thresholds: Threshold[];
  scopeVendor: Vendor | null;
  scopeConnectionId: string | null;
  scopeSetId: string | null;
  channel: "in-app" | "webhook";
  webhookUrl: string | null;
  webhookFormat: "json" | "slack" | null;
  webhookSecretSet: boolean;
}

/** An in-app notification for the list. */
export interface NotificationView {
  id: number;
  createdAt: string;
  title: string;
  body: string;
  href: string | null;
  read: boolean;
}

/** One webhook delivery with its latest outcome. */
export interface DeliveryView {
  id: number;
  ruleName: string;
  title: string;
  test: boolean;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  createdAt: string;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  responseStatus: number | null;
  lastError: string | null;
}
