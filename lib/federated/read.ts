import "server-only";
import { isVendorError, type VendorErrorJSON } from "@/lib/vendors/errors";
import type { ConnectionFor, ExternalApplication, FederatedCredentialOperations } from "@/lib/vendors/model";
import { adapterFor } from "@/lib/vendors/registry";
import type { ApplicationView, ConnectionFederation, ConnectionSummary } from "./types";
export type { ApplicationView, ConnectionFederation, ConnectionSummary } from "./types";

// Reading federated credentials of one UiPath connection: its external applications, each with
// its credentials. One failing application or connection is reported in place, not thrown, so
// the page still shows everything else.

export type UiPathConnection = ConnectionFor<"uipath">;
export type FederatedOps = FederatedCredentialOperations<UiPathConnection>;

/** The operations of the registered UiPath adapter. */
export function uipathFederatedOps(): FederatedOps {
  return adapterFor("uipath").federatedCredentials;
}

/** Whether the connection's requested scopes allow writes (PM.OAuthApp or PM.OAuthApp.Write). */
export function scopesAllowWrite(scopes: string): boolean {
  return scopes.split(/\s+/).some((s) => s === "PM.OAuthApp" || s === "PM.OAuthApp.Write");
}

function mostCommon(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** The summary of a connection, with the audience suggestion taken from its credentials. */
export function summarize(
  conn: UiPathConnection,
  enabled: boolean,
  apps: readonly ApplicationView[] = [],
): ConnectionSummary {
  const audiences = apps.flatMap((a) => a.credentials ?? []).flatMap((c) => (c.audience ? [c.audience] : []));
  return {
    connectionId: conn.id,
    connectionName: conn.name,
    organizationName: conn.organizationName,
    baseUrl: conn.baseUrl,
    enabled,
    canWrite: scopesAllowWrite(conn.scopes),
    suggestedAudience: mostCommon(audiences) ?? `${conn.baseUrl}/${conn.organizationName}`,
  };
}

function errorJson(error: unknown): VendorErrorJSON {
  if (isVendorError(error)) return error.toJSON();
  throw error;
}

async function readApplication(
  conn: UiPathConnection,
  app: ExternalApplication,
  ops: FederatedOps,
): Promise<ApplicationView> {
  const base = {
    clientId: app.clientId,
    name: app.name,
    isConfidential: app.isConfidential,
    scopes: app.scopes,
    usedByTrustdeck: app.clientId === conn.clientId,
  };
  try {
    const credentials = await ops.listFederatedCredentials(conn, app.clientId);
    return {
      ...base,
      credentials: [...credentials].sort((a, b) =>
        (a.name ?? "").localeCompare(b.name ?? "", "en", { numeric: true }),
      ),
      error: null,
    };
  } catch (error) {
    return { ...base, credentials: null, error: errorJson(error) };
  }
}

/** Every external application of a connection with its credentials. Vendor failures are returned, not thrown. */
export async function readConnectionFederation(
  conn: UiPathConnection,
  ops: FederatedOps = uipathFederatedOps(),
): Promise<ConnectionFederation> {
  let applications: ExternalApplication[];
  try {
    applications = await ops.listExternalApplications(conn);
  } catch (error) {
    return { ...summarize(conn, true), apps: [], error: errorJson(error) };
  }
  const apps = await Promise.all(
    [...applications]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((app) => readApplication(conn, app, ops)),
  );
  return { ...summarize(conn, true, apps), apps, error: null };
}

/** One application of a connection with its credentials, or null when the application does not exist. */
export async function readApplicationOf(
  conn: UiPathConnection,
  clientId: string,
  ops: FederatedOps = uipathFederatedOps(),
): Promise<ApplicationView | null> {
  const app = (await ops.listExternalApplications(conn)).find((a) => a.clientId === clientId);
  return app ? readApplication(conn, app, ops) : null;
}
