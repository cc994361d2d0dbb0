import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { connections } from "@/lib/db/schema";
import { decryptJson, encryptJson } from "@/lib/secrets/crypto";
import type { VendorConnection } from "@/lib/vendors/model";
import {
  connectionEndpoints,
  connectionFieldsSchema,
  connectionInputSchema,
  connectionSecretsSchema,
  SECRET_FIELDS,
  type ConnectionFields,
  type ConnectionInput,
  type ConnectionSecrets,
  type ConnectionUpdate,
  type Vendor,
} from "./schemas";
import type { ConnectionView } from "./types";
export type { ConnectionView } from "./types";

type ConnectionRow = typeof connections.$inferSelect;

const purpose = (id: string) => `connection:${id}`;

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

async function readSecrets(row: ConnectionRow, key: Uint8Array): Promise<ConnectionSecrets> {
  return connectionSecretsSchema.parse(await decryptJson(row.secretCiphertext, key, purpose(row.id)));
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
    rows.map(async (row) => toView(row, await readSecrets(row, key).then(secretNamesOf, () => []))),
  );
}

export async function getConnectionView(
  db: Database,
  key: Uint8Array,
  id: string,
): Promise<ConnectionView | undefined> {
  const [row] = await db.select().from(connections).where(eq(connections.id, id)).limit(1);
  return row ? toView(row, await readSecrets(row, key).then(secretNamesOf, () => [])) : undefined;
}

/** Raised for a connection rule the form cannot check (a name already used, a missing row). */
export class ConnectionRuleError extends Error {
  constructor(
    readonly code: "name-taken" | "not-found" | "vendor-changed",
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

export async function createConnection(
  db: Database,
  key: Uint8Array,
  input: ConnectionInput,
): Promise<ConnectionView> {
  await assertNameFree(db, input.name);
  const { settings, secrets } = split(input);
  const id = crypto.randomUUID();
  const secretCiphertext = await encryptJson({ vendor: input.vendor, ...secrets }, key, purpose(id));
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
  return toView(row!, secretNamesOf(connectionSecretsSchema.parse({ vendor: input.vendor, ...secrets })));
}

/** Update identifiers; a secret left empty keeps the stored value. Returns before and after views. */
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
  await assertNameFree(db, input.name, input.id);
  const stored = await readSecrets(row, key);
  const { settings, secrets } = split(input);
  const secretsReplaced = Object.entries(secrets)
    .filter(([, v]) => v)
    .map(([k]) => k);
  const merged = connectionSecretsSchema.parse({
    ...stored,
    ...Object.fromEntries(Object.entries(secrets).filter(([, v]) => v)),
  });
  const [updated] = await db
    .update(connections)
    .set({
      name: input.name,
      baseUrl: input.baseUrl,
      settings,
      secretCiphertext: await encryptJson(merged, key, purpose(row.id)),
      updatedAt: new Date(),
    })
    .where(eq(connections.id, input.id))
    .returning();
  return {
    before: toView(row, secretNamesOf(stored)),
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
  return toView(row, await readSecrets(row, key).then(secretNamesOf, () => []));
}

export async function deleteConnection(db: Database, id: string): Promise<{ name: string; vendor: Vendor }> {
  const [row] = await db
    .delete(connections)
    .where(eq(connections.id, id))
    .returning({ name: connections.name, vendor: connections.vendor });
  if (!row) throw new ConnectionRuleError("not-found", "This connection no longer exists.");
  return row;
}

/** The connection with decrypted secrets, validated again, for a vendor adapter. */
export async function loadVendorConnection(
  db: Database,
  key: Uint8Array,
  id: string,
): Promise<VendorConnection | undefined> {
  const gate = await openConnection(db, key, id, { allowDisabled: true });
  return gate.ok ? gate.conn : undefined;
}

/** A connection ready for vendor calls, or why it may not be used. */
export type ConnectionGate =
  | { ok: true; conn: VendorConnection }
  | { ok: false; code: "not-found" | "connection-disabled"; message: string };

/** The sentence every read and write path shows for a disabled connection. */
export function disabledMessage(name: string): string {
  return `The connection “${name}” is disabled: an admin must enable it before Trustdeck calls its vendor with it.`;
}

/**
 * The one gate before any vendor call: the connection exists and is enabled, and its secrets
 * are decrypted and validated once. A disabled connection is refused with a sentence that says so.
 */
export async function openConnection(
  db: Database,
  key: Uint8Array,
  id: string,
  options: { allowDisabled?: boolean } = {},
): Promise<ConnectionGate> {
  const [row] = await db.select().from(connections).where(eq(connections.id, id)).limit(1);
  if (!row) return { ok: false, code: "not-found", message: "This connection no longer exists." };
  if (!row.enabled && !options.allowDisabled)
    return { ok: false, code: "connection-disabled", message: disabledMessage(row.name) };
  const secrets = await readSecrets(row, key);
  const input = connectionInputSchema.parse({
    ...row.settings,
    ...secrets,
    vendor: row.vendor,
    name: row.name,
    baseUrl: row.baseUrl,
  });
  return { ok: true, conn: { id: row.id, ...input } };
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
