import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { connections } from "@/lib/db/schema";
import { SecretsError } from "@/lib/secrets/crypto";
import { changedDestinationFields, reenterSecretMessage, requiredSecretFields } from "./destination";
import { destinationRefusal } from "./destination-policy";
import {
  connectionEndpoints,
  connectionFieldsSchema,
  connectionSecretsSchema,
  SECRET_FIELDS,
  type ConnectionFields,
  type ConnectionInput,
  type ConnectionSecrets,
  type ConnectionUpdate,
  type Vendor,
} from "./schemas";
import { destinationValues, readSecrets, sealSecrets } from "./sealed-secrets";
import type { ConnectionView } from "./types";
export type { ConnectionView } from "./types";
export {
  disabledMessage,
  loadVendorConnection,
  openConnection,
  openConnections,
  type ConnectionGate,
} from "./gate";

type ConnectionRow = typeof connections.$inferSelect;

/** Split form input into the stored non-secret settings and the secrets to encrypt. */
function split(input: ConnectionInput | ConnectionUpdate | ConnectionFields): {
  settings: Record<string, string>;
  secrets: Record<string, string | undefined>;
} {
  const secretNames = new Set(SECRET_FIELDS[input.vendor]);
  const settings: Record<string, string> = {};
  const secrets: Record<string, string | undefined> = {};
  for (const [field, value] of Object.entries(input)) {
    if (["id", "vendor", "name", "baseUrl"].includes(field)) continue;
    if (secretNames.has(field)) secrets[field] = value as string | undefined;
    else if (value !== undefined) settings[field] = String(value);
  }
  return { settings, secrets };
}

/**
 * The stored fields as the vendor's schema reads them: the choices made explicit (a URL form
 * inferred for a row saved before it was a field) and the URLs they resolve to.
 */
function resolvedFields(row: ConnectionRow): Pick<ConnectionView, "settings" | "endpoints"> {
  const parsed = connectionFieldsSchema.safeParse({
    ...row.settings,
    vendor: row.vendor,
    name: row.name,
    baseUrl: row.baseUrl,
  });
  if (!parsed.success)
    return { settings: row.settings, endpoints: [{ label: "Base URL", url: row.baseUrl }] };
  return { settings: split(parsed.data).settings, endpoints: connectionEndpoints(parsed.data) };
}

function toView(row: ConnectionRow, secretsSet: string[]): ConnectionView {
  return {
    id: row.id,
    vendor: row.vendor,
    name: row.name,
    baseUrl: row.baseUrl,
    ...resolvedFields(row),
    secretsSet,
    enabled: row.enabled,
    lastTest: row.lastTestAt
      ? { at: row.lastTestAt.toISOString(), ok: Boolean(row.lastTestOk), summary: row.lastTestSummary ?? "" }
      : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function secretNamesOf(secrets: ConnectionSecrets): string[] {
  return Object.entries(secrets)
    .filter(([name, value]) => name !== "vendor" && Boolean(value))
    .map(([name]) => name);
}

/** Every connection, for lists. Decrypts only to tell which secrets are present. */
export async function listConnections(db: Database, key: Uint8Array): Promise<ConnectionView[]> {
  const rows = await db.select().from(connections).orderBy(asc(connections.vendor), asc(connections.name));
  return Promise.all(
    rows.map(async (row) => toView(row, await readSecrets(db, row, key).then(secretNamesOf, () => []))),
  );
}

export async function getConnectionView(
  db: Database,
  key: Uint8Array,
  id: string,
): Promise<ConnectionView | undefined> {
  const [row] = await db.select().from(connections).where(eq(connections.id, id)).limit(1);
  return row ? toView(row, await readSecrets(db, row, key).then(secretNamesOf, () => [])) : undefined;
}

/**
 * Raised for a connection rule the form cannot check (a name already used, a missing row, a host
 * the server does not accept, a destination changed without its secrets).
 */
export class ConnectionRuleError extends Error {
  constructor(
    readonly code: "name-taken" | "not-found" | "vendor-changed" | "destination-refused" | "secret-required",
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

async function assertNameFree(db: Database, name: string, exceptId?: string) {
  const [row] = await db
    .select({ id: connections.id })
    .from(connections)
    .where(eq(connections.name, name))
    .limit(1);
  if (row && row.id !== exceptId)
    throw new ConnectionRuleError("name-taken", `A connection named “${name}” already exists.`, "name");
}

/** Refuses a base URL the server does not send secrets to (see destination-policy.ts). */
function assertDestinationAccepted(vendor: Vendor, values: Record<string, unknown>) {
  const refusal = destinationRefusal(vendor, values);
  if (refusal) throw new ConnectionRuleError("destination-refused", refusal, "baseUrl");
}

export async function createConnection(
  db: Database,
  key: Uint8Array,
  input: ConnectionInput,
): Promise<ConnectionView> {
  assertDestinationAccepted(input.vendor, input);
  await assertNameFree(db, input.name);
  const { settings, secrets } = split(input);
  const id = crypto.randomUUID();
  const sealed = connectionSecretsSchema.parse({ vendor: input.vendor, ...secrets });
  const secretCiphertext = await sealSecrets(key, id, { ...settings, baseUrl: input.baseUrl }, sealed);
  const [row] = await db
    .insert(connections)
    .values({
      id,
      vendor: input.vendor,
      name: input.name,
      baseUrl: input.baseUrl,
      settings,
      secretCiphertext,
    })
    .returning();
  return toView(row!, secretNamesOf(sealed));
}

/**
 * Update identifiers; a secret left empty keeps the stored value, unless the edit changes where
 * the secrets are sent (a destination field): then every required secret must be entered again,
 * and stored optional secrets not entered again are dropped. Returns before and after views.
 */
export async function updateConnection(
  db: Database,
  key: Uint8Array,
  input: ConnectionUpdate,
): Promise<{ before: ConnectionView; after: ConnectionView; secretsReplaced: string[] }> {
  const [row] = await db.select().from(connections).where(eq(connections.id, input.id)).limit(1);
  if (!row) throw new ConnectionRuleError("not-found", "This connection no longer exists.");
  if (row.vendor !== input.vendor)
    throw new ConnectionRuleError(
      "vendor-changed",
      "A connection's vendor cannot change; add a new connection instead.",
      "vendor",
    );
  const { settings, secrets } = split(input);
  const values = { ...settings, baseUrl: input.baseUrl };
  const secretsReplaced = Object.entries(secrets)
    .filter(([, v]) => v)
    .map(([k]) => k);
  const moved = changedDestinationFields(input.vendor, destinationValues(row), values);
  const allEntered = requiredSecretFields(input.vendor).every((field) => secretsReplaced.includes(field));
  if (moved.length > 0 && !allEntered)
    throw new ConnectionRuleError(
      "secret-required",
      reenterSecretMessage(input.vendor, moved),
      requiredSecretFields(input.vendor)[0],
    );
  assertDestinationAccepted(input.vendor, values);
  await assertNameFree(db, input.name, input.id);
  // What is stored now, for the audit's before and to keep secrets left empty. A secret sealed
  // for another destination (changed outside Trustdeck) can only be replaced, never kept.
  const previous = await readSecrets(db, row, key).catch((error: unknown) => {
    if (allEntered) return undefined;
    if (error instanceof SecretsError && error.code === "ERR_DESTINATION")
      throw new ConnectionRuleError("secret-required", error.message, requiredSecretFields(input.vendor)[0]);
    throw error;
  });
  // A stored secret is kept only while the destination stays; a moved connection starts afresh.
  const kept = moved.length > 0 ? undefined : previous;
  const merged = connectionSecretsSchema.parse({
    ...kept,
    vendor: input.vendor,
    ...Object.fromEntries(Object.entries(secrets).filter(([, v]) => v)),
  });
  const [updated] = await db
    .update(connections)
    .set({
      name: input.name,
      baseUrl: input.baseUrl,
      settings,
      secretCiphertext: await sealSecrets(key, row.id, values, merged),
      updatedAt: new Date(),
    })
    .where(eq(connections.id, input.id))
    .returning();
  return {
    before: toView(row, previous ? secretNamesOf(previous) : []),
    after: toView(updated!, secretNamesOf(merged)),
    secretsReplaced,
  };
}

export async function setConnectionEnabled(
  db: Database,
  key: Uint8Array,
  id: string,
  enabled: boolean,
): Promise<ConnectionView> {
  const [row] = await db
    .update(connections)
    .set({ enabled, updatedAt: new Date() })
    .where(eq(connections.id, id))
    .returning();
  if (!row) throw new ConnectionRuleError("not-found", "This connection no longer exists.");
  return toView(row, await readSecrets(db, row, key).then(secretNamesOf, () => []));
}

export async function deleteConnection(db: Database, id: string): Promise<{ name: string; vendor: Vendor }> {
  const [row] = await db
    .delete(connections)
    .where(eq(connections.id, id))
    .returning({ name: connections.name, vendor: connections.vendor });
  if (!row) throw new ConnectionRuleError("not-found", "This connection no longer exists.");
  return row;
}

export async function recordConnectionTest(
  db: Database,
  id: string,
  result: { ok: boolean; summary: string; at: Date },
): Promise<void> {
  await db
    .update(connections)
    .set({ lastTestAt: result.at, lastTestOk: result.ok, lastTestSummary: result.summary })
    .where(eq(connections.id, id));
}
