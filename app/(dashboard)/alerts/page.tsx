import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AlertRulesPanel } from "@/components/alerts/alert-rules-panel";
import { DeliveriesTable } from "@/components/alerts/deliveries-table";
import { NotificationsList } from "@/components/alerts/notifications-list";
import { InventoryExportLinks } from "@/components/inventory/export-links";
import { InventoryRefreshPanel } from "@/components/inventory/refresh-panel";
import { PageHeader } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { currentActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/get-db";
import { listDeliveries, listNotifications } from "@/lib/inventory/alerts/queries";
import { listAlertRules } from "@/lib/inventory/alerts/rules-data";
import { maskWebhookUrl } from "@/lib/inventory/alerts/webhook";
import { readInventoryConnections } from "@/lib/inventory/read";
import {
  deleteAlertRuleAction,
  markNotificationsReadAction,
  saveAlertRuleAction,
  sendTestAlertAction,
} from "./actions";

export const metadata: Metadata = { title: "Alerts" };
export const dynamic = "force-dynamic";

export default async function AlertsPage() {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  const db = await getDb();
  const [connections, rules, notifications, deliveries] = await Promise.all([
    readInventoryConnections(db),
    listAlertRules(db),
    listNotifications(db),
    listDeliveries(db),
  ]);
  const isAdmin = hasRole(actor.role, "admin");
  return (
    <div className="space-y-8">
      <PageHeader
        title="Alerts"
        description="Rules that warn before certificates expire, the in-app notifications they raise, and every webhook delivery. Alerts use the inventory snapshot, refreshed hourly and on demand."
      />
      <InventoryRefreshPanel initial={connections} canRefresh={hasRole(actor.role, "operator")} />
      <InventoryExportLinks />
      <AlertRulesPanel
        // A webhook URL can carry its own credential (Slack): only admins, who edit it, see it whole.
        rules={isAdmin ? rules : rules.map((r) => ({ ...r, webhookUrl: maskWebhookUrl(r.webhookUrl) }))}
        connections={connections.map((c) => ({ id: c.id, name: c.name }))}
        // Only admins receive references to the rule actions.
        actions={
          isAdmin
            ? { save: saveAlertRuleAction, remove: deleteAlertRuleAction, sendTest: sendTestAlertAction }
            : null
        }
      />
      <NotificationsList notifications={notifications} markRead={markNotificationsReadAction} />
      {isAdmin || hasRole(actor.role, "operator") ? <DeliveriesTable deliveries={deliveries} /> : null}
    </div>
  );
}
