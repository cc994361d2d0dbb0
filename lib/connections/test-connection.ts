import "server-only";
import type { Database } from "@/lib/db/client";
import type { ConnectionTestResult } from "@/lib/vendors/model";
import { operationsFor } from "@/lib/vendors/registry";
import { loadVendorConnection, recordConnectionTest } from "./data";

/** One line summary of a test result, kept with the connection and shown in the list. */
export function summarizeTest(result: ConnectionTestResult): string {
  const failed = result.checks.find((check) => !check.ok);
  return failed ? failed.message : `All ${result.checks.length} checks passed.`;
}

/**
 * Run a connection's cheap authenticated read and remember the outcome. Returns null when the
 * connection no longer exists. Vendor failures are part of the result, never thrown.
 */
export async function testStoredConnection(
  db: Database,
  key: Uint8Array,
  id: string,
): Promise<{ name: string; result: ConnectionTestResult } | null> {
  const conn = await loadVendorConnection(db, key, id);
  if (!conn) return null;
  const result = await operationsFor(conn).testConnection();
  await recordConnectionTest(db, id, {
    ok: result.ok,
    summary: summarizeTest(result),
    at: new Date(result.checkedAt),
  });
  return { name: conn.name, result };
}
