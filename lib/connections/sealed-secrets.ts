import "server-only";
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { base64url } from "jose";
import type { Database } from "@/lib/db/client";
import { connections } from "@/lib/db/schema";
import { decryptJson, encryptJson, purposeOf, SecretsError } from "@/lib/secrets/crypto";
import { canonicalDestination } from "./destination";
import { connectionSecretsSchema, type ConnectionSecrets, type Vendor } from "./schemas";

// A connection's secrets are sealed (lib/secrets/crypto.ts) for the connection *and* for where
// they are sent: the JWE's authenticated `x-purpose` header carries a SHA-256 digest of the
// canonical destination (the fields each vendor's schema declares as `destination`). A row whose
// base URL, organisation, account, region or store was changed behind the application's back
// (in the database, a restored backup) no longer opens, so its secret is never sent there.
// Key rotation (lib/secrets/rotate.ts) keeps each ciphertext's purpose as it is.
//
// Ciphertexts written before this binding carry the purpose `connection:<id>` alone. They are
// read once more and sealed again at once for the row's current destination (on the first read,
// by whichever path reads it). Why on read rather than in a migration: SQL migrations cannot run
// the encryption, and the key is only in the running application; the row's destination is the
// one the admin last saved, since before this change no path could change it without the
// application. From then on, any destination change needs the secret again.

type ConnectionRow = typeof connections.$inferSelect;

/** The purpose of secrets sealed before destinations were bound (read, then sealed again). */
const legacyPurpose = (id: string) => `connection:${id}`;

/** The fields of a row that may be destination fields: the base URL and the settings. */
export function destinationValues(row: Pick<ConnectionRow, "baseUrl" | "settings">): Record<string, string> {
  return { ...row.settings, baseUrl: row.baseUrl };
}

/** The purpose a connection's secrets are sealed for: the row, and a digest of its destination. */
export function sealedPurpose(id: string, vendor: Vendor, values: Readonly<Record<string, unknown>>): string {
  const digest = createHash("sha256").update(canonicalDestination(vendor, values)).digest();
  return `${legacyPurpose(id)};destination:${base64url.encode(digest)}`;
}

/** Seal a connection's secrets for its id and destination. */
export function sealSecrets(
  key: Uint8Array,
  id: string,
  values: Readonly<Record<string, unknown>>,
  secrets: ConnectionSecrets,
): Promise<string> {
  return encryptJson(secrets, key, sealedPurpose(id, secrets.vendor, values));
}

/** The message of a ciphertext sealed for a destination other than the row's. */
export const OTHER_DESTINATION_MESSAGE =
  "The stored secret of this connection was sealed for another destination (its base URL or another field that decides where the secret goes was changed outside Trustdeck): nothing was sent. An admin must enter the secret again.";

function headerPurpose(jwe: string): string | undefined {
  try {
    return purposeOf(jwe);
  } catch {
    return undefined;
  }
}

/**
 * Open a row's secrets for its current destination. Throws a SecretsError: ERR_DESTINATION when
 * they were sealed for another destination, ERR_DECRYPT when they do not open at all. A legacy
 * ciphertext is sealed again for the row's destination (only if the row was not changed since).
 */
export async function readSecrets(
  db: Database,
  row: ConnectionRow,
  key: Uint8Array,
): Promise<ConnectionSecrets> {
  const values = destinationValues(row);
  const expected = sealedPurpose(row.id, row.vendor, values);
  const found = headerPurpose(row.secretCiphertext);
  if (found === legacyPurpose(row.id)) {
    const secrets = connectionSecretsSchema.parse(await decryptJson(row.secretCiphertext, key, found));
    await db
      .update(connections)
      .set({ secretCiphertext: await sealSecrets(key, row.id, values, secrets) })
      .where(and(eq(connections.id, row.id), eq(connections.secretCiphertext, row.secretCiphertext)));
    return secrets;
  }
  if (found !== expected && found?.startsWith(`${legacyPurpose(row.id)};destination:`))
    throw new SecretsError("ERR_DESTINATION", OTHER_DESTINATION_MESSAGE);
  return connectionSecretsSchema.parse(await decryptJson(row.secretCiphertext, key, expected));
}
