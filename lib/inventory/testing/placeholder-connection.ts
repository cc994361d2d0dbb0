import { createConnection } from "@/lib/connections/data";
import type { Database } from "@/lib/db/client";

/**
 * A stored Cloudflare connection with placeholder credentials, for tests that store reads
 * without calling the vendor (the inventory needs a connection row to hang them on).
 */
export async function createPlaceholderConnection(
  db: Database,
  key: Uint8Array,
  name: string,
  index: number,
): Promise<{ id: string; name: string; vendor: "cloudflare" }> {
  const view = await createConnection(db, key, {
    vendor: "cloudflare",
    name,
    baseUrl: "https://api.cloudflare.com/client/v4",
    accountId: `${index}`.padStart(32, "0"),
    apiToken: "x".repeat(40),
  } as never);
  return { id: view.id, name: view.name, vendor: "cloudflare" };
}
