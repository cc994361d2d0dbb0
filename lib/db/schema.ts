import {
  type AnyPgColumn,
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
import { sql } from "drizzle-orm";
import { ROLES } from "../auth/roles";
// Relative on purpose: drizzle-kit loads this file without the "@/" path alias.
import { SLOT_ROLES } from "../vendors/descriptor";
import { VENDORS } from "../vendors/descriptors";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** Lower-cased sign-in name; for OIDC users the e-mail or `oidc:<sub>`. */
  username: text("username").notNull().unique(),
  displayName: text("display_name").notNull(),
  /** scrypt hash (lib/auth/password.ts); null for accounts that only sign in through OIDC. */
  passwordHash: text("password_hash"),
  role: text("role", { enum: ROLES }).notNull().default("viewer"),
  authSource: text("auth_source", { enum: ["local", "oidc"] })
    .notNull()
    .default("local"),
  oidcSubject: text("oidc_subject").unique(),
  disabled: boolean("disabled").notNull().default(false),
  lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** Failed sign-ins per attempted username, whether or not the account exists. */
export const signInThrottle = pgTable("sign_in_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
});

/**
 * Where each user has signed in successfully before. A correct password from one of these
 * sources passes the per-username lock (only the per-source throttle applies), so an attacker
 * elsewhere cannot lock an admin out (lib/auth/throttle.ts).
 */
export const signInKnownSources = pgTable(
  "sign_in_known_sources",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    sourceIp: text("source_ip").notNull(),
    lastSuccessAt: timestamp("last_success_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("sign_in_known_sources_user_ip").on(t.userId, t.sourceIp)],
);

/**
 * One row per signed-in session, named by the `sid` in its cookie. The cookie alone is not
 * enough: the row must exist, be unrevoked, inside its absolute lifetime and not idle for too
 * long (lib/auth/sessions.ts). Sign-out, disabling a user and a role change revoke rows.
 */
export const authSessions = pgTable(
  "auth_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedReason: text("revoked_reason"),
  },
  (t) => [index("auth_sessions_user").on(t.userId)],
);

export const connections = pgTable("connections", {
  id: uuid("id").primaryKey().defaultRandom(),
  vendor: text("vendor", { enum: VENDORS }).notNull(),
  name: text("name").notNull().unique(),
  baseUrl: text("base_url").notNull(),
  /** Non-secret identifiers (organization, account id, identity store...), per vendor. */
  settings: jsonb("settings").$type<Record<string, string>>().notNull(),
  /** The vendor secrets as a compact JWE (dir + A256GCM); never leaves the server. */
  secretCiphertext: text("secret_ciphertext").notNull(),
  enabled: boolean("enabled").notNull().default(true),
  lastTestAt: timestamp("last_test_at", { withTimezone: true }),
  lastTestOk: boolean("last_test_ok"),
  lastTestSummary: text("last_test_summary"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** Every outcome an audit event can record; `pending` marks a write's intent (see `intentId`). */
export const AUDIT_OUTCOMES = ["success", "failure", "denied", "pending"] as const;

/**
 * Append-only: a trigger (drizzle/0001) refuses UPDATE and DELETE. A vendor write is two rows:
 * its intent (`outcome: pending`, written before the vendor is called) and, once known, its
 * outcome, whose `intentId` points at the intent. An intent no row points at is unresolved.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid("actor_id"),
    actorName: text("actor_name").notNull(),
    actorRole: text("actor_role"),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    targetLabel: text("target_label"),
    outcome: text("outcome", { enum: AUDIT_OUTCOMES }).notNull(),
    vendorRequestId: text("vendor_request_id"),
    sourceIp: text("source_ip"),
    details: jsonb("details").$type<Record<string, unknown>>(),
    /** On a write's outcome row: the id of its intent row. */
    intentId: bigint("intent_id", { mode: "number" }).references((): AnyPgColumn => auditEvents.id),
    // Tamper evidence: set by the database's insert trigger (lib/audit/chain.ts), never by the app.
    chainSeq: bigint("chain_seq", { mode: "number" }),
    prevHash: text("prev_hash"),
    hash: text("hash"),
  },
  (t) => [
    uniqueIndex("audit_events_intent_idx").on(t.intentId),
    index("audit_events_pending_idx")
      .on(t.id)
      .where(sql`${t.outcome} = 'pending'`),
    uniqueIndex("audit_events_chain_seq_idx").on(t.chainSeq),
    index("audit_events_occurred_at_idx").on(t.occurredAt),
    index("audit_events_action_idx").on(t.action),
    index("audit_events_target_idx").on(t.targetType, t.targetId),
  ],
);

/** The head of the audit hash chain: one row, locked by every insert so the chain never forks. */
export const auditChainHead = pgTable("audit_chain_head", {
  id: integer("id").primaryKey(),
  seq: bigint("seq", { mode: "number" }).notNull(),
  hash: text("hash"),
});

// ——— Inventory (issue 9): snapshots of every certificate and federated credential seen ———

/**
 * The latest snapshot of every certificate Trustdeck has seen in a set. A row stays after its
 * certificate disappears (`goneAt` set), so history and exports keep it; `key` is
 * `<connectionId>/<setId>/<sha256>`.
 */
export const inventoryCertificates = pgTable(
  "inventory_certificates",
  {
    key: text("key").primaryKey(),
    connectionId: uuid("connection_id").notNull(),
    vendor: text("vendor", { enum: VENDORS }).notNull(),
    setId: text("set_id").notNull(),
    setLabel: text("set_label").notNull(),
    setKind: text("set_kind").notNull(),
    slot: text("slot").notNull(),
    state: text("state"),
    role: text("role", { enum: SLOT_ROLES }), // null on rows stored before roles
    setBreaksAt: timestamp("set_breaks_at", { withTimezone: true }), // lib/certificates/breaks-at
    sha256: text("sha256").notNull(),
    sha1: text("sha1").notNull(),
    subject: text("subject").notNull(),
    commonName: text("common_name"),
    issuer: text("issuer").notNull(),
    serialNumber: text("serial_number").notNull(),
    notBefore: timestamp("not_before", { withTimezone: true }).notNull(),
    notAfter: timestamp("not_after", { withTimezone: true }).notNull(),
    keyAlgorithm: text("key_algorithm").notNull(),
    keySize: integer("key_size"),
    signatureAlgorithm: text("signature_algorithm").notNull(),
    /** The public certificate as PEM (never a private key), for findings and exports. */
    pem: text("pem").notNull(),
    firstSeenAt: timestamp("first_seen_at", { withTimezone: true }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull(),
    goneAt: timestamp("gone_at", { withTimezone: true }),
  },
  (t) => [
    index("inventory_certificates_connection_idx").on(t.connectionId),
    index("inventory_certificates_not_after_idx").on(t.notAfter),
  ],
);

/** The latest snapshot of every UiPath federated credential seen; `key` is `<connectionId>/<clientId>/<credentialId>`. */
export const inventoryFederatedCredentials = pgTable("inventory_federated_credentials", {
  key: text("key").primaryKey(),
  connectionId: uuid("connection_id").notNull(),
  clientId: text("client_id").notNull(),
  applicationName: text("application_name").notNull(),
  credentialId: text("credential_id").notNull(),
  name: text("name"),
  issuer: text("issuer"),
  audience: text("audience"),
  subject: text("subject"),
  vendorUpdatedAt: text("vendor_updated_at"),
  firstSeenAt: timestamp("first_seen_at", { withTimezone: true }).notNull(),
  lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull(),
  goneAt: timestamp("gone_at", { withTimezone: true }),
});

/** History: when an inventory item appeared, changed state or disappeared. */
export const inventoryEvents = pgTable(
  "inventory_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    itemType: text("item_type", { enum: ["certificate", "federated-credential"] }).notNull(),
    itemKey: text("item_key").notNull(),
    connectionId: uuid("connection_id").notNull(),
    kind: text("kind", { enum: ["appeared", "state-changed", "disappeared"] }).notNull(),
    /** e.g. `{ from: { slot, state }, to: { slot, state } }`. */
    details: jsonb("details").$type<Record<string, unknown>>(),
  },
  (t) => [
    index("inventory_events_item_idx").on(t.itemKey),
    index("inventory_events_occurred_at_idx").on(t.occurredAt),
  ],
);

/** Changes made outside Trustdeck, or re-issues that changed subject or key, in plain words. */
export const inventoryDrift = pgTable(
  "inventory_drift",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    detectedAt: timestamp("detected_at", { withTimezone: true }).notNull(),
    connectionId: uuid("connection_id").notNull(),
    setId: text("set_id").notNull(),
    certificateKey: text("certificate_key").notNull(),
    kind: text("kind", { enum: ["external-change", "reissued-different"] }).notNull(),
    message: text("message").notNull(),
    details: jsonb("details").$type<Record<string, unknown>>(),
  },
  (t) => [index("inventory_drift_detected_at_idx").on(t.detectedAt)],
);

/** Per connection: when it was last read, last read successfully, and why the last read failed. */
export const inventoryConnections = pgTable("inventory_connections", {
  connectionId: uuid("connection_id").primaryKey(),
  lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
  lastSuccessAt: timestamp("last_success_at", { withTimezone: true }),
  lastError: text("last_error"),
});

/** One "Refresh all" (manual or scheduled), with live progress that any instance can serve. */
export const inventoryRefreshRuns = pgTable("inventory_refresh_runs", {
  id: uuid("id").primaryKey().defaultRandom(),
  trigger: text("trigger", { enum: ["manual", "scheduled"] }).notNull(),
  actorName: text("actor_name").notNull(),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
  finishedAt: timestamp("finished_at", { withTimezone: true }),
  total: integer("total").notNull(),
  done: integer("done").notNull().default(0),
  /** `[{ connectionId, name, vendor, message }]` */
  failures: jsonb("failures")
    .$type<{ connectionId: string; name: string; vendor: string; message: string }[]>()
    .notNull()
    .default([]),
});

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
