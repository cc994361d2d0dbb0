// Alert rules, their firings, webhook deliveries and in-app notifications.
// Relative imports on purpose: drizzle-kit loads the schema without the "@/" path alias.
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns";

/** An alert rule: thresholds, a scope and one channel. The webhook secret is a compact JWE. */
export const alertRules = pgTable("alert_rules", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  enabled: boolean("enabled").notNull().default(true),
  /** Days left (e.g. 60, 30, 7) and/or "expired". */
  thresholds: jsonb("thresholds").$type<(number | "expired")[]>().notNull(),
  scopeVendor: text("scope_vendor"),
  scopeConnectionId: uuid("scope_connection_id"),
  scopeSetId: text("scope_set_id"),
  channel: text("channel", { enum: ["in-app", "webhook"] }).notNull(),
  webhookUrl: text("webhook_url"),
  webhookFormat: text("webhook_format", { enum: ["json", "slack"] }),
  webhookSecretCiphertext: text("webhook_secret_ciphertext"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** That a certificate crossed a threshold of a rule: unique, so each alerts once per threshold. */
export const alertFirings = pgTable(
  "alert_firings",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    ruleId: uuid("rule_id")
      .notNull()
      .references(() => alertRules.id, { onDelete: "cascade" }),
    certificateKey: text("certificate_key").notNull(),
    threshold: text("threshold").notNull(),
    firedAt: timestamp("fired_at", { withTimezone: true }).notNull(),
    title: text("title").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
  },
  (t) => [uniqueIndex("alert_firings_once_idx").on(t.ruleId, t.certificateKey, t.threshold)],
);

/** Every webhook delivery attempt series (and "send test"), with retries and their outcome. */
export const alertDeliveries = pgTable(
  "alert_deliveries",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    ruleId: uuid("rule_id")
      .notNull()
      .references(() => alertRules.id, { onDelete: "cascade" }),
    firingId: bigint("firing_id", { mode: "number" }).references(() => alertFirings.id, {
      onDelete: "cascade",
    }),
    test: boolean("test").notNull().default(false),
    status: text("status", { enum: ["pending", "delivered", "failed"] }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    responseStatus: integer("response_status"),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("alert_deliveries_due_idx").on(t.status, t.nextAttemptAt)],
);

/** The in-app notification list. */
export const notifications = pgTable("notifications", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  ruleId: uuid("rule_id").references(() => alertRules.id, { onDelete: "set null" }),
  title: text("title").notNull(),
  body: text("body").notNull(),
  href: text("href"),
  readAt: timestamp("read_at", { withTimezone: true }),
});
