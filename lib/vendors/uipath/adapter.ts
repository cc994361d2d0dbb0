import "server-only";

import { setKindsOf } from "../descriptor";
import type { HttpDepsInput } from "../http";
import type { ConnectionFor, VendorAdapter } from "../model";
import { uipathDescriptor } from "./descriptor";
import { uipathTokenCache, type TokenCache } from "./auth";
import {
  assertSetId,
  samlActionHandlers,
  toCertificateSet,
  UIPATH_ACTIONS,
  type UiPathAction,
} from "./certificates";
import { UiPathClient } from "./client";
import { federatedCredentialOperations } from "./federated";
import { testUiPathConnection } from "./test-connection";

/** The UiPath adapter's type: its SAML pair actions, with federated credentials. */
export type UiPathAdapter = VendorAdapter<"uipath", UiPathAction, true>;

/** Options for tests and tools: the token cache and HTTP environment to use. */
export interface UiPathAdapterOptions {
  tokens?: TokenCache;
  http?: HttpDepsInput;
}

/** Creates the UiPath Automation Cloud adapter. */
export function createUiPathAdapter(options: UiPathAdapterOptions = {}): UiPathAdapter {
  const tokens = options.tokens ?? uipathTokenCache;
  const clientFor = (conn: ConnectionFor<"uipath">) => new UiPathClient(conn, tokens, options.http);
  return {
    vendor: uipathDescriptor.vendor,
    capabilities: {
      setKinds: setKindsOf(uipathDescriptor),
      actions: UIPATH_ACTIONS,
      federatedCredentials: true,
    },
    async listCertificateSets(conn) {
      return [await toCertificateSet(conn, await clientFor(conn).getSamlCertificates())];
    },
    async getCertificateSet(conn, setId) {
      assertSetId(setId);
      return toCertificateSet(conn, await clientFor(conn).getSamlCertificates());
    },
    actions: samlActionHandlers(clientFor),
    testConnection(conn) {
      const client = clientFor(conn);
      return testUiPathConnection(conn, client, tokens, options.http?.now ?? Date.now);
    },
    federatedCredentials: federatedCredentialOperations(clientFor),
  };
}

/** The UiPath adapter with the process-wide token cache. */
export const uipathAdapter = createUiPathAdapter();
