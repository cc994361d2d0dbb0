/**
 * Re-encrypt every stored vendor secret from one encryption key to another, in one transaction:
 *   TRUSTDECK_OLD_ENCRYPTION_KEY=<old> TRUSTDECK_NEW_ENCRYPTION_KEY=<new> npm run secrets:rotate-key
 * Keys come from the environment, never the command line (which other users can see in `ps`).
 * Safe to run again after an interruption: secrets already sealed with the new key are skipped.
 * Uses DATABASE_URL or PGLITE_DIR like the dashboard (on PGlite, stop the dashboard first).
 * The README's "Rotating the encryption key" section gives the whole procedure.
 */
import { openDatabase } from "@/lib/db/client";
import { parseKey } from "@/lib/secrets/crypto";
import { rotateStoredSecrets } from "@/lib/secrets/rotate";

async function main() {
  const oldKey = parseKey(process.env.TRUSTDECK_OLD_ENCRYPTION_KEY, "TRUSTDECK_OLD_ENCRYPTION_KEY");
  const newKey = parseKey(process.env.TRUSTDECK_NEW_ENCRYPTION_KEY, "TRUSTDECK_NEW_ENCRYPTION_KEY");
  const handle = await openDatabase({
    databaseUrl: process.env.DATABASE_URL || undefined,
    pgliteDir: process.env.PGLITE_DIR ?? ".trustdeck/db",
  });
  try {
    const report = await rotateStoredSecrets(handle.db, oldKey, newKey, "command line (secrets:rotate-key)");
    console.log(
      `Re-encrypted ${report.reencrypted} secret(s) from key ${report.oldKeyId} to ${report.newKeyId}` +
        (report.alreadyRotated ? `; ${report.alreadyRotated} already used the new key.` : "."),
    );
    console.log("Now set TRUSTDECK_ENCRYPTION_KEY to the new key alone and restart the dashboard.");
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
