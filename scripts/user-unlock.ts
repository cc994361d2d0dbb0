/**
 * Lift the sign-in throttle of a username (an admin locked out by someone guessing):
 *   npm run user:unlock -- --username alice
 * Clears the per-username lock and every per-source lock of that name, and audits it.
 * Uses DATABASE_URL or PGLITE_DIR like the dashboard; stop the dashboard first when on PGlite.
 */
import { parseArgs } from "node:util";
import { openDatabase } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import { unlockUsername } from "@/lib/auth/throttle";
import { findUserByUsername } from "@/lib/users/data";

async function main() {
  const { values } = parseArgs({ options: { username: { type: "string" } } });
  const username = values.username?.trim().toLowerCase();
  if (!username) {
    console.error("Usage: npm run user:unlock -- --username <name>");
    process.exit(2);
  }
  const handle = await openDatabase({
    databaseUrl: process.env.DATABASE_URL || undefined,
    pgliteDir: process.env.PGLITE_DIR ?? ".trustdeck/db",
  });
  try {
    const user = await findUserByUsername(handle.db, username);
    const cleared = await unlockUsername(handle.db, username);
    await recordAudit(handle.db, {
      actor: { id: null, name: "cli", role: null },
      action: "auth.unlock",
      outcome: "success",
      target: { type: "user", id: user?.id, label: username },
      details: { clearedBuckets: cleared, via: "npm run user:unlock" },
    });
    console.log(
      cleared
        ? `Unlocked ${username}: ${cleared} throttle record(s) cleared.`
        : `${username} was not throttled; nothing to clear.`,
    );
    if (!user) console.log(`(No account is named ${username}.)`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  } finally {
    await handle.close();
  }
}

void main();
