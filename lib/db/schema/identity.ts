// Users, sign-in throttling, server-side sessions and vendor connections.
// Relative imports on purpose: drizzle-kit loads the schema without the "@/" path alias.
import {
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
import { ROLES } from "../../auth/roles";
import { VENDORS } from "../../vendors/descriptors";
import { createdAt, updatedAt } from "./columns";

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
