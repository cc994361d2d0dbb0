import "server-only";

import { createHash } from "node:crypto";

import { cloudflareAdapter } from "./cloudflare/adapter";
import type { Vendor } from "./descriptors";
import { VendorError } from "./errors";
import { huaweiAdapter } from "./huawei/adapter";
import type {
  AdapterCapabilities,
  CertificateActionRequest,
  CertificateActionResult,
  CertificateSet,
  CertificateSetAction,
  ConnectionFor,
  ConnectionTestResult,
  FederatedCredentialOperations,
  PemDownload,
  VendorAdapter,
  VendorConnection,
} from "./model";
import { processReadCache, type ReadFreshness } from "./read-cache";
import { uipathAdapter } from "./uipath/adapter";

/**
 * Every vendor's adapter (server-only). A new vendor is a folder under lib/vendors and a line
 * here, beside its line in descriptors.ts and connection-schemas.ts.
 */
export const adapters = {
  uipath: uipathAdapter,
  cloudflare: cloudflareAdapter,
  huawei: huaweiAdapter,
} as const satisfies { [V in Vendor]: { readonly vendor: V } };

/** The adapter of a vendor, with its precise type (capabilities, actions, federated credentials). */
export function adapterFor<V extends Vendor>(vendor: V): (typeof adapters)[V] {
  return adapters[vendor];
}

/** The operations every adapter has, bound to one connection of any vendor. */
export interface ConnectionOperations {
  capabilities: AdapterCapabilities<CertificateSetAction, boolean>;
  listCertificateSets(): Promise<CertificateSet[]>;
  getCertificateSet(setId: string): Promise<CertificateSet>;
  testConnection(): Promise<ConnectionTestResult>;
}

/** An action handler as a call chosen at run time sees it. */
type RuntimeHandler<V extends Vendor, A extends CertificateSetAction> = (
  conn: ConnectionFor<V>,
  request: CertificateActionRequest<A>,
) => Promise<CertificateActionResult<A>>;

/**
 * Each adapter seen through what code that learns the vendor at run time needs. The map is
 * indexed by the connection's own vendor, so every adapter gets a connection of its vendor.
 */
type RuntimeAdapters = {
  [V in Vendor]: Pick<
    VendorAdapter<V, CertificateSetAction, boolean>,
    "capabilities" | "listCertificateSets" | "getCertificateSet" | "testConnection"
  > & {
    actions: { [A in CertificateSetAction]?: RuntimeHandler<V, A> };
    federatedCredentials: FederatedCredentialOperations<ConnectionFor<V>> | null;
  };
};
const runtimeAdapters: RuntimeAdapters = adapters;

// The functions below take the vendor as a type parameter so that the adapter and the
// connection are checked as a pair; the exported ones call them with the connection's vendor.

function bindOperations<V extends Vendor>(
  vendor: V,
  conn: ConnectionFor<V>,
  freshness: ReadFreshness,
): ConnectionOperations {
  const adapter = runtimeAdapters[vendor];
  // Reads are shared across users through the live-read cache, keyed by the connection as it is
  // now (edited settings or a replaced secret make a new key).
  const cache = processReadCache();
  const version = createHash("sha256").update(JSON.stringify(conn)).digest("base64url");
  const read = <T>(key: string, load: () => Promise<T>) =>
    cache.read(conn.id, `${version}|${key}`, load, freshness);
  return {
    capabilities: adapter.capabilities,
    listCertificateSets: () => read("sets", () => adapter.listCertificateSets(conn)),
    getCertificateSet: (setId) => read(`set|${setId}`, () => adapter.getCertificateSet(conn, setId)),
    testConnection: () => adapter.testConnection(conn),
  };
}

/**
 * The common operations for a connection whose vendor is only known at run time (inventory
 * refresh, connection tests). Vendor-specific code calls `adapterFor(vendor)` instead.
 * Identical reads in flight are sent once for all callers; `cached` reads may also be answered
 * from the last few seconds (`VENDOR_READ_CACHE_SECONDS`), `live` ones (the inventory refresh,
 * the read before a change) never are.
 */
export function operationsFor(
  conn: VendorConnection,
  freshness: ReadFreshness = "cached",
): ConnectionOperations {
  return bindOperations(conn.vendor, conn, freshness);
}

/** Federated credential operations bound to one connection. */
export type BoundFederatedOperations = {
  [
    K in keyof FederatedCredentialOperations<VendorConnection>
  ]: FederatedCredentialOperations<VendorConnection>[K] extends (
    conn: VendorConnection,
    ...rest: infer P
  ) => infer R
    ? (...args: P) => R
    : never;
};

/** The federated credential operations of a connection, or null when its vendor has none. */
export function federatedOperationsFor(conn: VendorConnection): BoundFederatedOperations | null {
  return bindFederated(conn.vendor, conn);
}

function bindFederated<V extends Vendor>(vendor: V, conn: ConnectionFor<V>): BoundFederatedOperations | null {
  const ops = runtimeAdapters[vendor].federatedCredentials;
  if (!ops) return null;
  return {
    listExternalApplications: () => ops.listExternalApplications(conn),
    listFederatedCredentials: (clientId) => ops.listFederatedCredentials(conn, clientId),
    getFederatedCredential: (clientId, id) => ops.getFederatedCredential(conn, clientId, id),
    createFederatedCredential: (clientId, input) => ops.createFederatedCredential(conn, clientId, input),
    updateFederatedCredential: (clientId, id, input) =>
      ops.updateFederatedCredential(conn, clientId, id, input),
    deleteFederatedCredential: (clientId, id) => ops.deleteFederatedCredential(conn, clientId, id),
    exchangeFederatedToken: (input) => ops.exchangeFederatedToken(conn, input),
  };
}

/** An action call whose action is only known at run time (a form post), as a discriminated union. */
export type CertificateActionCall = {
  [A in CertificateSetAction]: { action: A } & CertificateActionRequest<A>;
}[CertificateSetAction];

/** Whether a vendor's adapter has an action at all (a set may still not offer it now). */
export function supportsAction(vendor: Vendor, action: CertificateSetAction): boolean {
  const actions: readonly CertificateSetAction[] = adapters[vendor].capabilities.actions;
  return actions.includes(action);
}

/**
 * Runs an action chosen at run time on a connection of any vendor. An action the vendor does
 * not have is refused as a `validation` error before anything is sent. Code that knows its
 * vendor statically should call `adapterFor(vendor).actions[...]`, which is typed per action.
 */
export function runCertificateAction(
  conn: VendorConnection,
  call: CertificateActionCall,
): Promise<CertificateSet | PemDownload> {
  return runAction(conn.vendor, conn, call);
}

function runAction<V extends Vendor>(
  vendor: V,
  conn: ConnectionFor<V>,
  call: CertificateActionCall,
): Promise<CertificateSet | PemDownload> {
  const adapter = runtimeAdapters[vendor];
  const handler = adapter.capabilities.actions.includes(call.action)
    ? adapter.actions[call.action]
    : undefined;
  if (!handler) return unsupported(conn, call.action);
  // Every field any handler may read; each handler reads only its own action's fields.
  return handler(conn, { certificate: "", certificateId: "", pem: "", ...call });
}

function unsupported(conn: VendorConnection, action: CertificateSetAction): Promise<never> {
  return Promise.reject(
    new VendorError({
      vendor: conn.vendor,
      kind: "validation",
      operation: action,
      retryable: false,
      userMessage: `This vendor has no “${action}” action.`,
    }),
  );
}
