import "server-only";
import { VENDOR_ERROR_CODES } from "@/lib/auth/error-codes";
import { listConnections, loadVendorConnection, openConnection } from "@/lib/connections/data";
import type { Database } from "@/lib/db/client";
import { isVendorError } from "@/lib/vendors/errors";
import type { Failure } from "./mutations";
import {
  readApplicationOf,
  summarize,
  type ApplicationView,
  type ConnectionFederation,
  type ConnectionSummary,
  type UiPathConnection,
} from "./read";

// Database glue: which UiPath connections exist, decrypted for the adapter. Everything that talks
// to UiPath lives in read.ts, mutations.ts and tester.ts, which tests run against the sandbox.

/** A stored UiPath connection ready for the adapter (decrypted once), or a Failure that says why not. */
export async function loadUipathConnection(
  db: Database,
  key: Uint8Array,
  connectionId: string,
): Promise<{ ok: true; conn: UiPathConnection } | Failure> {
  const gate = await openConnection(db, key, connectionId);
  if (!gate.ok && gate.code === "connection-disabled") return gate;
  if (!gate.ok || gate.conn.vendor !== "uipath")
    return {
      ok: false,
      code: "not-found",
      message: "This UiPath connection no longer exists. Reload the page.",
    };
  return { ok: true, conn: gate.conn };
}

/**
 * The UiPath connections the federated-credentials list shows, in name order: the enabled ones
 * read from the inventory section by section (lib/federated/from-inventory), the disabled ones
 * summarised here without their applications. The database only: UiPath is not called.
 */
export async function listFederationConnections(
  db: Database,
  key: Uint8Array,
): Promise<{ id: string; name: string; enabled: boolean; disabledSummary: ConnectionFederation | null }[]> {
  const views = (await listConnections(db, key)).filter((v) => v.vendor === "uipath");
  return Promise.all(
    views.map(async (view) => {
      if (view.enabled) return { id: view.id, name: view.name, enabled: true, disabledSummary: null };
      const conn = await loadVendorConnection(db, key, view.id);
      if (conn?.vendor !== "uipath") throw new Error(`connection ${view.id} is not a UiPath connection`);
      return {
        id: view.id,
        name: view.name,
        enabled: false,
        disabledSummary: { ...summarize(conn, false), apps: [], error: null },
      };
    }),
  );
}

export type ApplicationPage = { ok: true; connection: ConnectionSummary; app: ApplicationView } | Failure;

/** One application of one connection, for its page. */
export async function loadApplicationPage(
  db: Database,
  key: Uint8Array,
  connectionId: string,
  clientId: string,
): Promise<ApplicationPage> {
  const loaded = await loadUipathConnection(db, key, connectionId);
  if (!loaded.ok) return loaded;
  try {
    const app = await readApplicationOf(loaded.conn, clientId);
    if (!app)
      return {
        ok: false,
        code: "not-found",
        message: "This external application does not exist (any more) in the connection's organization.",
      };
    return { ok: true, connection: summarize(loaded.conn, true, [app]), app };
  } catch (error) {
    if (isVendorError(error))
      return {
        ok: false,
        code: VENDOR_ERROR_CODES[error.kind],
        message: error.userMessage,
        ...(error.requestId ? { requestId: error.requestId } : {}),
      };
    throw error;
  }
}
