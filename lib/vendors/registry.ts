import "server-only";

import type { Vendor } from "@/lib/connections/schemas";
import { cloudflareAdapter } from "./cloudflare/adapter";
import { huaweiAdapter } from "./huawei/adapter";
import type { AdapterCapabilities, CertificateSet, CertificateSetAction, ConnectionFor, ConnectionTestResult, VendorAdapter, VendorConnection } from "./model";
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

type CommonAdapter<V extends Vendor> = Pick<VendorAdapter<V, CertificateSetAction, boolean>, "capabilities" | "listCertificateSets" | "getCertificateSet" | "testConnection">;

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
