// Inventory snapshots of every certificate and federated credential seen, with history.
// Relative imports on purpose: drizzle-kit loads the schema without the "@/" path alias.
import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { SLOT_ROLES } from "../../vendors/descriptor";
import { VENDORS } from "../../vendors/descriptors";

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

/**
 * The certificate sets that hold no certificate in any slot, as last read (sets with certificates
 * are their rows in `inventory_certificates`). A row is removed when its set gains a certificate
 * or disappears; `key` is `<connectionId>/<setId>`.
 */
export const inventoryEmptySets = pgTable(
  "inventory_empty_sets",
  {
    key: text("key").primaryKey(),
    connectionId: uuid("connection_id").notNull(),
    vendor: text("vendor", { enum: VENDORS }).notNull(),
    setId: text("set_id").notNull(),
    setLabel: text("set_label").notNull(),
    setKind: text("set_kind").notNull(),
    /** Sign-in through the set fails while it is empty (its kind's `whenEmpty`, and it is in use). */
    signInFails: boolean("sign_in_fails").notNull(),
    firstSeenAt: timestamp("first_seen_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("inventory_empty_sets_connection_idx").on(t.connectionId)],
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
  description: text("description"),
  vendorCreatedAt: text("vendor_created_at"),
  vendorUpdatedAt: text("vendor_updated_at"),
  firstSeenAt: timestamp("first_seen_at", { withTimezone: true }).notNull(),
  lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull(),
  goneAt: timestamp("gone_at", { withTimezone: true }),
});

/**
 * The latest snapshot of every external application that can hold federated credentials, so the
 * list page shows applications without credentials too; `key` is `<connectionId>/<clientId>`.
 */
export const inventoryFederatedApplications = pgTable(
  "inventory_federated_applications",
  {
    key: text("key").primaryKey(),
    connectionId: uuid("connection_id").notNull(),
    clientId: text("client_id").notNull(),
    name: text("name").notNull(),
    isConfidential: boolean("is_confidential").notNull(),
    scopes: jsonb("scopes").$type<string[]>().notNull(),
    firstSeenAt: timestamp("first_seen_at", { withTimezone: true }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull(),
    goneAt: timestamp("gone_at", { withTimezone: true }),
  },
  (t) => [index("inventory_federated_applications_connection_idx").on(t.connectionId)],
);

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

/**
 * An operator's acknowledgement of one drift entry: the entry then leaves the Overview for
 * everyone. Keyed on the drift entry itself (one change seen at one refresh), never on the set or
 * slot, so a later change to the same slot is a new entry and shows again. The primary key makes a
 * second or concurrent acknowledgement of the same entry find the first instead of adding another.
 */
export const inventoryDriftAcknowledgements = pgTable("inventory_drift_acknowledgements", {
  driftId: bigint("drift_id", { mode: "number" })
    .primaryKey()
    .references(() => inventoryDrift.id, { onDelete: "cascade" }),
  acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }).notNull(),
  /** The user who acknowledged it (no foreign key: the name stays when the account is removed). */
  actorId: uuid("actor_id"),
  actorName: text("actor_name").notNull(),
});

/** Per connection: when it was last read, last read successfully, and why the last read failed. */
export const inventoryConnections = pgTable("inventory_connections", {
  connectionId: uuid("connection_id").primaryKey(),
  lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
  lastSuccessAt: timestamp("last_success_at", { withTimezone: true }),
  lastError: text("last_error"),
  /** Why the last refresh could not read its federated credentials (certificates read fine); null when it could. */
  federatedError: text("federated_error"),
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
