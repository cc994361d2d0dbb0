import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { TEST_ENGINES } from "@/lib/testing/databases";
import { connections } from "@/lib/db/schema";
import { generateKey, parseKey } from "@/lib/secrets/crypto";
import {
  createConnection,
  deleteConnection,
  listConnections,
  loadVendorConnection,
  setConnectionEnabled,
  updateConnection,
} from "./data";
import { connectionInputSchema, connectionUpdateSchema } from "./schemas";

const key = parseKey(generateKey());
const TOKEN = "cf-api-token-0123456789-abcdef-SECRET";

describe.each(TEST_ENGINES)("connections on $engine", ({ open }) => {
  let handle: Awaited<ReturnType<typeof open>>;
  beforeAll(async () => {
    handle = await open();
  });
  afterAll(() => handle.close());

  it("stores secrets encrypted and lists only which secrets are set", async () => {
    const input = connectionInputSchema.parse({
      vendor: "cloudflare",
      name: "CF prod",
      accountId: "0123456789abcdef0123456789abcdef",
      apiToken: TOKEN,
    });
    const view = await createConnection(handle.db, key, input);
    expect(view).toMatchObject({
      vendor: "cloudflare",
      baseUrl: "https://api.cloudflare.com/client/v4",
      secretsSet: ["apiToken"],
      settings: { accountId: "0123456789abcdef0123456789abcdef" },
    });
    const [row] = await handle.db.select().from(connections).where(eq(connections.id, view.id));
    expect(JSON.stringify(row)).not.toContain(TOKEN);
    expect(JSON.stringify(await listConnections(handle.db, key))).not.toContain(TOKEN);
    expect(await loadVendorConnection(handle.db, key, view.id)).toMatchObject({
      id: view.id,
      apiToken: TOKEN,
      accountId: "0123456789abcdef0123456789abcdef",
    });
  });

  it("keeps a secret left empty on edit and replaces one that is given", async () => {
    const [existing] = await listConnections(handle.db, key);
    const keep = connectionUpdateSchema.parse({
      id: existing!.id,
      vendor: "cloudflare",
      name: "CF production",
      baseUrl: existing!.baseUrl,
      accountId: "0123456789abcdef0123456789abcdef",
      apiToken: "",
    });
    const kept = await updateConnection(handle.db, key, keep);
    expect(kept.secretsReplaced).toEqual([]);
    expect(await loadVendorConnection(handle.db, key, existing!.id)).toMatchObject({ apiToken: TOKEN });
    const replace = connectionUpdateSchema.parse({ ...keep, apiToken: "new-token-value-xyz" });
    expect((await updateConnection(handle.db, key, replace)).secretsReplaced).toEqual(["apiToken"]);
    expect(await loadVendorConnection(handle.db, key, existing!.id)).toMatchObject({
      apiToken: "new-token-value-xyz",
    });
  });

  it("refuses a duplicate name, disables and deletes", async () => {
    const dup = connectionInputSchema.parse({
      vendor: "cloudflare",
      name: "CF production",
      accountId: "0123456789abcdef0123456789abcdef",
      apiToken: "x",
    });
    await expect(createConnection(handle.db, key, dup)).rejects.toMatchObject({
      code: "name-taken",
      field: "name",
    });
    const [existing] = await listConnections(handle.db, key);
    expect((await setConnectionEnabled(handle.db, key, existing!.id, false)).enabled).toBe(false);
    expect(await deleteConnection(handle.db, existing!.id)).toEqual({
      name: "CF production",
      vendor: "cloudflare",
    });
    expect(await listConnections(handle.db, key)).toEqual([]);
  });

  it("cannot read secrets with another key", async () => {
    const input = connectionInputSchema.parse({
      vendor: "huawei",
      name: "HW",
      baseUrl: "https://identitystore.ap-southeast-1.myhuaweicloud.com",
      region: "ap-southeast-1",
      identityStoreId: "d-1234567890",
      accessKeyId: "HPUAEXAMPLEKEY0001",
      secretAccessKey: "sk-secret",
    });
    const view = await createConnection(handle.db, key, input);
    await expect(loadVendorConnection(handle.db, parseKey(generateKey()), view.id)).rejects.toMatchObject({
      code: "ERR_DECRYPT",
    });
  });
});
