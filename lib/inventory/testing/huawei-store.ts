import { createConnection } from "@/lib/connections/data";
import { connectionInputSchema } from "@/lib/connections/schemas";
import type { Database } from "@/lib/db/client";

/** The inventory's view of a connection, as snapshots take it. */
export interface StoreConnection {
  id: string;
  name: string;
  vendor: "huawei";
}

/**
 * Saves a Huawei identity-store connection (never contacted: documented host, made-up keys) for
 * tests that put IdP sets, empty or not, in the inventory. Test support only.
 */
export async function createHuaweiStore(
  db: Database,
  key: Uint8Array,
  name = "Store",
  identityStoreId = "d-1234567890",
): Promise<StoreConnection> {
  const view = await createConnection(
    db,
    key,
    connectionInputSchema.parse({
      vendor: "huawei",
      name,
      baseUrl: "https://identitystore.ap-southeast-1.myhuaweicloud.com",
      region: "ap-southeast-1",
      identityStoreId,
      accessKeyId: "HPUAEXAMPLEKEY0001",
      secretAccessKey: "sk-secret",
    }),
  );
  return { id: view.id, name, vendor: "huawei" };
}
