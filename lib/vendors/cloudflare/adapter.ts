import "server-only";

import { perConnectionClients } from "../client-cache";
import { VendorError } from "../errors";
import { setKindsOf } from "../descriptor";
import type { HttpDepsInput } from "../http";
import type { ConnectionFor, VendorAdapter } from "../model";
import { cloudflareDescriptor } from "./descriptor";
import {
  cloudflareActionHandlers,
  CLOUDFLARE_ACTIONS,
  toCertificateSet,
  type CloudflareAction,
} from "./certificates";
import { CloudflareClient } from "./client";
import { collectSamlCertificateSets } from "./list-sets";
import { testCloudflareConnection } from "./test-connection";

/** The Cloudflare adapter's type: rotate and download, no federated credentials. */
export type CloudflareAdapter = VendorAdapter<"cloudflare", CloudflareAction, false>;

/** Options for tests and tools. */
export interface CloudflareAdapterOptions {
  http?: HttpDepsInput;
}

/** Creates the Cloudflare Zero Trust Access adapter. */
export function createCloudflareAdapter(options: CloudflareAdapterOptions = {}): CloudflareAdapter {
  const clientFor = perConnectionClients(
    (conn: ConnectionFor<"cloudflare">) => new CloudflareClient(conn, options.http),
  );
  return {
    vendor: cloudflareDescriptor.vendor,
    capabilities: {
      setKinds: setKindsOf(cloudflareDescriptor),
      actions: CLOUDFLARE_ACTIONS,
      federatedCredentials: false,
    },
    listCertificateSets(conn) {
      return collectSamlCertificateSets(clientFor(conn), (set) => toCertificateSet(conn, set));
    },
    async getCertificateSet(conn, setId) {
      if (!/^[0-9A-Za-z-]{1,36}$/.test(setId)) {
        throw new VendorError({
          vendor: "cloudflare",
          kind: "not-found",
          operation: `find certificate set ${setId.slice(0, 40)}`,
          retryable: false,
        });
      }
      return toCertificateSet(conn, await clientFor(conn).getSamlCertificateSet(setId));
    },
    actions: cloudflareActionHandlers(clientFor),
    testConnection(conn) {
      return testCloudflareConnection(conn, clientFor(conn), options.http?.now ?? Date.now);
    },
    federatedCredentials: null,
  };
}

/** The Cloudflare adapter. */
export const cloudflareAdapter = createCloudflareAdapter();
