import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const ROLES = ["viewer", "operator", "admin"] as const;
export type Role = (typeof ROLES)[number];

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
  authSource: text("auth_source", { enum: ["local", "oidc"] }).notNull().default("local"),
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

export const connections = pgTable("connections", {
  id: uuid("id").primaryKey().defaultRandom(),
  vendor: text("vendor", { enum: ["uipath", "cloudflare", "huawei"] }).notNull(),
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

/** Append-only: a trigger (drizzle/0001) refuses UPDATE and DELETE. */
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
    outcome: text("outcome", { enum: ["success", "failure", "denied"] }).notNull(),
    vendorRequestId: text("vendor_request_id"),
    sourceIp: text("source_ip"),
    details: jsonb("details").$type<Record<string, unknown>>(),
  },
  (t) => [
    index("audit_events_occurred_at_idx").on(t.occurredAt),
    index("audit_events_action_idx").on(t.action),
    index("audit_events_target_idx").on(t.targetType, t.targetId),
  ],
);
