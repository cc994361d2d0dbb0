/**
 * Verify the audit log's hash chain: npm run audit:verify
 * Uses DATABASE_URL (or PGLITE_DIR) like the dashboard; exits 1 and names the first broken event.
 * On PGlite, stop the dashboard first (one process per folder).
 */
import { openDatabase } from "@/lib/db/client";
import { verifyAuditChain } from "@/lib/audit/verify";

async function main() {
  const handle = await openDatabase({
    databaseUrl: process.env.DATABASE_URL || undefined,
    migrationUrl: process.env.DATABASE_MIGRATION_URL || undefined,
    pgliteDir: process.env.PGLITE_DIR || ".trustdeck/db",
  });
  try {
    const report = await verifyAuditChain(handle.db);
    if (report.ok) {
      console.log(`Audit chain intact: ${report.events} events.`);
      return;
    }
    const where =
      report.eventId === null
        ? `the chain head (seq ${report.chainSeq}) does not match the last event`
        : `event id ${report.eventId} (chain position ${report.chainSeq ?? "none"})`;
    console.error(
      `Audit chain BROKEN at ${where}: ${report.reason}. ${report.events} events before it verify.`,
    );
    process.exitCode = 1;
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
});
