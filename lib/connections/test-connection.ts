import "server-only";
import type { Database } from "@/lib/db/client";
import type { ConnectionTestResult } from "@/lib/vendors/model";
import { operationsFor } from "@/lib/vendors/registry";
import { SecretsError } from "@/lib/secrets/crypto";
import { openConnection, recordConnectionTest } from "./data";

/** One line summary of a test result, kept with the connection and shown in the list. */
export function summarizeTest(result: ConnectionTestResult): string {
  const failed = result.checks.find((check) => !check.ok);
  if (!failed) return `All ${result.checks.length} checks passed.`;
  return failed.url ? `${failed.url}: ${failed.message}` : failed.message;
}

/**
 * Run a connection's cheap authenticated read and remember the outcome. Returns null when the
 * connection no longer exists, and a refusal when it is disabled or its stored secret does not
 * open for its destination (nothing is sent then). Vendor failures are part of the result.
 */
export async function testStoredConnection(
  db: Database,
  key: Uint8Array,
  id: string,
): Promise<
  { name: string; result: ConnectionTestResult } | { disabled: string } | { unreadable: string } | null
> {
  const gate = await openConnection(db, key, id).catch((error: unknown) => {
    if (error instanceof SecretsError) return { unreadable: error.message };
    throw error;
  });
  if ("unreadable" in gate) return gate;
  if (!gate.ok) return gate.code === "not-found" ? null : { disabled: gate.message };
  const conn = gate.conn;
  const result = await operationsFor(conn).testConnection();
  await recordConnectionTest(db, id, {
    ok: result.ok,
    summary: summarizeTest(result),
    at: new Date(result.checkedAt),
  });
  return { name: conn.name, result };
}
