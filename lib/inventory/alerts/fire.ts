import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { alertDeliveries, alertFirings, notifications } from "@/lib/db/schema";
import { VENDOR_LABELS } from "@/lib/vendors/descriptors";
import { roleExplanation } from "@/lib/vendors/slot-roles";
import { expiryPhrase, formatUtcDate } from "@/lib/time/format";
import { daysLeft } from "@/lib/x509/expiry";
import { shortThumbprint } from "../drift";
import { readInventory } from "../read";
import type { InventoryCertificate, InventoryEmptySet } from "../types";
import { dueAlerts, dueEmptySetAlerts, emptySetAlertKey, type RuleForEvaluation } from "./evaluate";
import { listAlertRules } from "./rules-data";
import type { Threshold } from "./schemas";
import type { AlertMessage } from "./webhook";

/** The words of one alert. */
export function alertMessage(cert: InventoryCertificate, threshold: Threshold, now: Date): AlertMessage {
  const name = cert.commonName ?? cert.subject;
  const where = `${VENDOR_LABELS[cert.vendor]} · ${cert.connectionName} · ${cert.setLabel}`;
  const left = daysLeft(cert.notAfter, now);
  const title =
    threshold === "expired"
      ? `Certificate expired: ${name}`
      : `Certificate expires within ${threshold} days: ${name}`;
  // One phrase for the days (lib/time), then the date: never "in 2 days (2 days left)".
  const when = `${expiryPhrase(cert.notAfter, now)}, on ${formatUtcDate(cert.notAfter)} (UTC)`;
  const role = cert.role ? roleExplanation(cert.vendor, cert.role) : undefined;
  const breaks = threshold === "expired" ? " Sign-in that depends on it fails until it is replaced." : "";
  return {
    title,
    text: `Certificate ${shortThumbprint(cert.sha256)} in ${where} (slot ${cert.slot}) ${when}.${breaks}${role ? ` ${role}` : ""}`,
    href: cert.setHref,
    data: {
      threshold,
      certificate: {
        key: cert.key,
        vendor: cert.vendor,
        connectionId: cert.connectionId,
        connectionName: cert.connectionName,
        setId: cert.setId,
        setLabel: cert.setLabel,
        slot: cert.slot,
        role: cert.role ?? null,
        setBreaksAt: cert.setBreaksAt ?? null,
        sha256: cert.sha256,
        subject: cert.subject,
        notAfter: cert.notAfter,
        daysLeft: left,
      },
    },
  };
}

/** The words of an alert for an empty set sign-in depends on: an outage, like an expired certificate. */
export function emptySetAlertMessage(set: InventoryEmptySet, threshold: Threshold): AlertMessage {
  const where = `${VENDOR_LABELS[set.vendor]} · ${set.connectionName} · ${set.setLabel}`;
  return {
    title: `No certificate installed: ${set.setLabel}`,
    text: `${where} holds no certificate in any slot. Sign-in that depends on it fails until one is uploaded.`,
    href: set.setHref,
    data: {
      threshold,
      emptySet: {
        key: set.key,
        vendor: set.vendor,
        connectionId: set.connectionId,
        connectionName: set.connectionName,
        setId: set.setId,
        setLabel: set.setLabel,
        setKind: set.setKind,
        signInFails: set.signInFails,
        firstSeenAt: set.firstSeenAt,
      },
    },
  };
}

/**
 * Check every enabled rule against the inventory at `now`. Each (rule, certificate, threshold)
 * and each (rule, emptying of a set, threshold) reached for the first time is stored once — the
 * unique index makes this safe when two instances evaluate at once — then becomes an in-app
 * notification or a pending webhook delivery (sent by `processDueDeliveries`). Returns how many
 * alerts were new.
 */
export async function evaluateAlerts(db: Database, now: Date): Promise<number> {
  const rules = (await listAlertRules(db)).filter((r) => r.enabled);
  if (rules.length === 0) return 0;
  const { certificates, emptySets } = await readInventory(db, { driftLimit: 0 });
  const certificateByKey = new Map(certificates.map((c) => [c.key, c]));
  const emptySetByAlertKey = new Map(emptySets.map((s) => [emptySetAlertKey(s), s]));
  const channels = new Map(rules.map((r) => [r.id, r.channel]));
  const alertedBeforeEmptyingKeys = await firedUnderSetKey(db, emptySets);
  // Certificate keys have three parts and an empty set's alert key two plus its emptying, so one
  // firing key space holds both.
  const due = [
    ...dueAlerts(rules satisfies RuleForEvaluation[], certificates, now).map((alert) => ({
      alert,
      message: alertMessage(certificateByKey.get(alert.certificateKey)!, alert.threshold, now),
    })),
    ...dueEmptySetAlerts(rules, emptySets, now).flatMap((alert) => {
      const set = emptySetByAlertKey.get(alert.certificateKey)!;
      if (alertedBeforeEmptyingKeys.has(`${alert.ruleId} ${set.key} ${alert.threshold}`)) return [];
      return [{ alert, message: emptySetAlertMessage(set, alert.threshold) }];
    }),
  ];
  let fired = 0;
  for (const { alert, message } of due) {
    const [firing] = await db
      .insert(alertFirings)
      .values({
        ruleId: alert.ruleId,
        certificateKey: alert.certificateKey,
        threshold: String(alert.threshold),
        firedAt: now,
        title: message.title,
        payload: { ...message },
      })
      .onConflictDoNothing()
      .returning({ id: alertFirings.id });
    if (!firing) continue;
    fired++;
    if (channels.get(alert.ruleId) === "in-app")
      await db.insert(notifications).values({
        createdAt: now,
        ruleId: alert.ruleId,
        title: message.title,
        body: message.text,
        href: message.href,
      });
    else
      await db.insert(alertDeliveries).values({
        ruleId: alert.ruleId,
        firingId: firing.id,
        status: "pending",
        nextAttemptAt: now,
        createdAt: now,
      });
  }
  return fired;
}

/**
 * Empty-set alerts stored before they were keyed to their emptying (under the set's key alone),
 * as `<ruleId> <set key> <threshold>`, when fired during the emptying still going on: that
 * emptying was alerted, so an upgrade does not alert every empty set again.
 */
async function firedUnderSetKey(db: Database, emptySets: readonly InventoryEmptySet[]): Promise<Set<string>> {
  if (emptySets.length === 0) return new Set();
  const firstSeen = new Map(emptySets.map((set) => [set.key, Date.parse(set.firstSeenAt)]));
  const rows = await db
    .select({
      ruleId: alertFirings.ruleId,
      key: alertFirings.certificateKey,
      threshold: alertFirings.threshold,
      firedAt: alertFirings.firedAt,
    })
    .from(alertFirings)
    .where(inArray(alertFirings.certificateKey, [...firstSeen.keys()]));
  return new Set(
    rows
      .filter((row) => row.firedAt.getTime() >= firstSeen.get(row.key)!)
      .map((row) => `${row.ruleId} ${row.key} ${row.threshold}`),
  );
}

/** Queue a test delivery for a rule (webhook) or add a test notification (in-app). */
export async function queueTestAlert(
  db: Database,
  rule: { id: string; name: string; channel: "in-app" | "webhook" },
  now: Date,
): Promise<number | null> {
  if (rule.channel === "in-app") {
    await db.insert(notifications).values({
      createdAt: now,
      ruleId: rule.id,
      title: `Test alert: ${rule.name}`,
      body: "This is a test of the rule's in-app notification. No certificate is affected.",
      href: "/alerts",
    });
    return null;
  }
  const [row] = await db
    .insert(alertDeliveries)
    .values({ ruleId: rule.id, test: true, status: "pending", nextAttemptAt: now, createdAt: now })
    .returning({ id: alertDeliveries.id });
  return row!.id;
}

/** Mark notifications as read. */
export async function markNotificationsRead(db: Database, ids: number[], now: Date): Promise<void> {
  for (const id of ids) await db.update(notifications).set({ readAt: now }).where(eq(notifications.id, id));
}
