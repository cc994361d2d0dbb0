import "server-only";
import { eq, isNotNull } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { alertRules, auditEvents, connections } from "@/lib/db/schema";
import { decryptJson, encryptJson, purposeOf, sealedWith, SecretsError } from "./crypto";
import { keyId } from "./keyring";

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** Every column that holds a sealed secret. A new one is an entry here (the rotation test checks each). */
export const SEALED_COLUMNS = [
  {
    name: "connections",
    table: connections,
    id: connections.id,
    column: connections.secretCiphertext,
    write: (tx: Transaction, id: string, jwe: string) =>
      tx.update(connections).set({ secretCiphertext: jwe }).where(eq(connections.id, id)),
  },
  {
    name: "alert rules",
    table: alertRules,
    id: alertRules.id,
    column: alertRules.webhookSecretCiphertext,
    write: (tx: Transaction, id: string, jwe: string) =>
      tx.update(alertRules).set({ webhookSecretCiphertext: jwe }).where(eq(alertRules.id, id)),
  },
] as const;

export interface RotationReport {
  oldKeyId: string;
  newKeyId: string;
  /** Secrets re-encrypted by this run. */
  reencrypted: number;
  /** Secrets already sealed with the new key (an earlier, interrupted run; or an app writing with it). */
  alreadyRotated: number;
}

/**
 * Re-encrypt every stored secret from `oldKey` to `newKey` in one transaction, and audit it in
 * that transaction: either every secret moves and the log says so, or nothing changes. A secret
 * already sealed with the new key is left as it is, so the command can simply be run again after
 * an interruption. Each secret keeps the purpose it is bound to (its row), read from its
 * authenticated header.
 */
export async function rotateStoredSecrets(
  db: Database,
  oldKey: Uint8Array,
  newKey: Uint8Array,
  actorName: string,
): Promise<RotationReport> {
  const report: RotationReport = {
    oldKeyId: keyId(oldKey),
    newKeyId: keyId(newKey),
    reencrypted: 0,
    alreadyRotated: 0,
  };
  if (report.oldKeyId === report.newKeyId)
    throw new SecretsError("ERR_KEY_INVALID", "The old and the new key are the same key.");
  await db.transaction(async (tx) => {
    for (const sealed of SEALED_COLUMNS) {
      const rows = await tx
        .select({ id: sealed.id, ciphertext: sealed.column })
        .from(sealed.table)
        .where(isNotNull(sealed.column));
      for (const row of rows) {
        const jwe = row.ciphertext!;
        const purpose = purposeOf(jwe);
        if (!purpose) throw unreadable(sealed.name, row.id);
        if (sealedWith(jwe, newKey)) {
          await decryptJson(jwe, newKey, purpose).catch(() =>
            Promise.reject(unreadable(sealed.name, row.id)),
          );
          report.alreadyRotated++;
          continue;
        }
        const value = await decryptJson(jwe, oldKey, purpose).catch(() =>
          Promise.reject(unreadable(sealed.name, row.id)),
        );
        await sealed.write(tx, row.id, await encryptJson(value, newKey, purpose));
        report.reencrypted++;
      }
    }
    await tx.insert(auditEvents).values({
      actorId: null,
      actorName,
      actorRole: null,
      action: "secrets.rotate-key",
      targetType: "encryption-key",
      targetId: report.newKeyId,
      outcome: "success",
      details: { ...report },
    });
  });
  return report;
}

function unreadable(table: string, id: string): SecretsError {
  return new SecretsError(
    "ERR_DECRYPT",
    `The secret of ${table} row ${id} opens with neither the old nor the new key: nothing was changed.`,
  );
}
