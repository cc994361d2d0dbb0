import "server-only";

import type { Vendor } from "@/lib/connections/schemas";
import { cloudflareAdapter } from "./cloudflare/adapter";
import { huaweiAdapter } from "./huawei/adapter";
import { VendorError } from "./errors";
import type {
  AdapterCapabilities,
  CertificateActionRequest,
  CertificateSet,
  CertificateSetAction,
  ConnectionFor,
  ConnectionTestResult,
  PemDownload,
  VendorAdapter,
  VendorConnection,
} from "./model";
import { uipathAdapter } from "./uipath/adapter";

/** Every vendor's adapter. A new vendor is a folder under lib/vendors and a line here. */
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

type CommonAdapter<V extends Vendor> = Pick<
  VendorAdapter<V, CertificateSetAction, boolean>,
  "capabilities" | "listCertificateSets" | "getCertificateSet" | "testConnection"
>;

function bind<V extends Vendor>(adapter: CommonAdapter<V>, conn: ConnectionFor<V>): ConnectionOperations {
  return {
    capabilities: adapter.capabilities,
    listCertificateSets: () => adapter.listCertificateSets(conn),
    getCertificateSet: (setId) => adapter.getCertificateSet(conn, setId),
    testConnection: () => adapter.testConnection(conn),
  };
}

/**
 * The common operations for a connection whose vendor is only known at run time (inventory
 * refresh, connection tests). Vendor-specific actions go through `adapterFor(conn.vendor)` after
 * narrowing on `conn.vendor`.
 */
export function operationsFor(conn: VendorConnection): ConnectionOperations {
  switch (conn.vendor) {
    case "uipath":
      return bind(adapters.uipath, conn);
    case "cloudflare":
      return bind(adapters.cloudflare, conn);
    case "huawei":
      return bind(adapters.huawei, conn);
  }
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
  // Every field any handler may read; each handler reads only its own action's fields.
  const request = { certificate: "", certificateId: "", pem: "", ...call };
  switch (conn.vendor) {
    case "uipath": {
      const action = adapters.uipath.capabilities.actions.find((a) => a === call.action);
      return action ? adapters.uipath.actions[action](conn, request) : unsupported(conn, call.action);
    }
    case "cloudflare": {
      const action = adapters.cloudflare.capabilities.actions.find((a) => a === call.action);
      return action ? adapters.cloudflare.actions[action](conn, request) : unsupported(conn, call.action);
    }
    case "huawei": {
      const action = adapters.huawei.capabilities.actions.find((a) => a === call.action);
      return action ? adapters.huawei.actions[action](conn, request) : unsupported(conn, call.action);
    }
  }
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
