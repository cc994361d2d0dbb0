import "server-only";

import { setKindsOf } from "../descriptor";
import type { HttpDepsInput } from "../http";
import type { ConnectionFor, VendorAdapter } from "../model";
import { huaweiDescriptor } from "./descriptor";
import {
  HUAWEI_ACTIONS_SUPPORTED,
  huaweiActionHandlers,
  parseSetId,
  readIdpSet,
  toIdpSet,
  toSpSet,
  type HuaweiAction,
} from "./certificates";
import { HuaweiClient } from "./client";
import { testHuaweiConnection } from "./test-connection";

/** The Huawei adapter's type: SP and IdP certificate actions, no federated credentials. */
export type HuaweiAdapter = VendorAdapter<"huawei", HuaweiAction, false>;

/** Options for tests and tools. */
export interface HuaweiAdapterOptions {
  http?: HttpDepsInput;
}

/** Creates the Huawei Cloud IAM Identity Center adapter. */
export function createHuaweiAdapter(options: HuaweiAdapterOptions = {}): HuaweiAdapter {
  const clientFor = (conn: ConnectionFor<"huawei">) => new HuaweiClient(conn, options.http);
  return {
    vendor: huaweiDescriptor.vendor,
    capabilities: {
      setKinds: setKindsOf(huaweiDescriptor),
      actions: HUAWEI_ACTIONS_SUPPORTED,
      federatedCredentials: false,
    },
    async listCertificateSets(conn) {
      const client = clientFor(conn);
      const [sp, { associations }] = await Promise.all([
        client.listSpCertificates(),
        client.listExternalIdps(),
      ]);
      const idpSets = await Promise.all(
        associations.map(async (idp) =>
          toIdpSet(conn, idp, (await client.listIdpCertificates(idp.idp_id)).idp_certificates),
        ),
      );
      return [await toSpSet(conn, sp), ...idpSets];
    },
    async getCertificateSet(conn, setId) {
      const target = parseSetId(setId);
      const client = clientFor(conn);
      return target.kind === "sp"
        ? toSpSet(conn, await client.listSpCertificates())
        : readIdpSet(client, conn, target.idpId);
    },
    actions: huaweiActionHandlers(clientFor),
    testConnection(conn) {
      return testHuaweiConnection(conn, clientFor(conn), options.http?.now ?? Date.now);
    },
    federatedCredentials: null,
  };
}

/** The Huawei adapter. */
export const huaweiAdapter = createHuaweiAdapter();
