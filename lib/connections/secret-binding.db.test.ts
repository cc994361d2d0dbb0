import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { connections } from "@/lib/db/schema";
import { TEST_ENGINES } from "@/lib/testing/databases";
import { encryptJson, generateKey, parseKey, purposeOf } from "@/lib/secrets/crypto";
import { rotateStoredSecrets } from "@/lib/secrets/rotate";
import { VENDORS, type Vendor } from "@/lib/vendors/descriptors";
import { createConnection, getConnectionView, loadVendorConnection, updateConnection } from "./data";
import { destinationFields } from "./destination";
import { connectionInputSchema, connectionUpdateSchema } from "./schemas";
import { testStoredConnection } from "./test-connection";
import { startCountingListener, type CountingListener } from "./testing/listener";

// A stored secret is bound to where it goes. `oldHost` is where each connection was saved with
// its secret; `newHost` stands in for the host an admin (or someone with database access) points
// the connection at afterwards: it must never see a connection, let alone a secret. Both are
// named in TRUSTDECK_CUSTOM_VENDOR_HOSTS, so that only the binding stands between them.

const key = parseKey(generateKey());
const SECRET = "stored-secret-value-0123456789";

let oldHost: CountingListener;
let newHost: CountingListener;
let previousHosts: string | undefined;
beforeAll(async () => {
  oldHost = await startCountingListener({ status: 401, body: { error: "invalid_client" } });
  newHost = await startCountingListener({ status: 200, body: {} });
  previousHosts = process.env.TRUSTDECK_CUSTOM_VENDOR_HOSTS;
  process.env.TRUSTDECK_CUSTOM_VENDOR_HOSTS = `${oldHost.host},${newHost.host}`;
});
afterAll(async () => {
  if (previousHosts === undefined) delete process.env.TRUSTDECK_CUSTOM_VENDOR_HOSTS;
  else process.env.TRUSTDECK_CUSTOM_VENDOR_HOSTS = previousHosts;
  await oldHost.close();
  await newHost.close();
});

/** A valid connection of each vendor at `oldHost`, with its secrets. */
function inputFor(vendor: Vendor, name: string) {
  const common = { vendor, name, baseUrl: `${oldHost.url}/${vendor}` };
  const byVendor = {
    uipath: {
      organizationName: "acme",
      partitionGlobalId: "3fa85f64-5717-4562-b3fc-2c963f66afa6",
      clientId: "app-id",
      clientSecret: SECRET,
    },
    cloudflare: { accountId: "0123456789abcdef0123456789abcdef", apiToken: SECRET },
    huawei: {
      region: "ap-southeast-1",
      identityStoreId: "d-1234567890",
      accessKeyId: "HPUAEXAMPLEKEY0001",
      secretAccessKey: SECRET,
      securityToken: "temporary-security-token",
    },
  };
  return connectionInputSchema.parse({ ...common, ...byVendor[vendor] });
}

/** Another valid value of each destination field. A vendor's new destination field needs one here. */
const MOVED: Record<string, () => string> = {
  baseUrl: () => `${newHost.url}/moved`,
  organizationName: () => "other-org",
  partitionGlobalId: () => "9b2c1d3e-0000-4000-8000-000000000001",
  accountId: () => "fedcba9876543210fedcba9876543210",
  region: () => "cn-north-4",
  identityStoreId: () => "d-0987654321",
};

/** The edit form's submission: every field as stored, secrets left empty ("keep"). */
function editOf(view: {
  id: string;
  vendor: Vendor;
  name: string;
  baseUrl: string;
  settings: Record<string, string>;
}) {
  return { id: view.id, vendor: view.vendor, name: view.name, baseUrl: view.baseUrl, ...view.settings };
}

describe.each(TEST_ENGINES)("secrets bound to their destination on $engine", ({ open }) => {
  let handle: Awaited<ReturnType<typeof open>>;
  beforeAll(async () => {
    handle = await open();
  });
  afterAll(() => handle.close());

  const rowOf = async (id: string) =>
    (await handle.db.select().from(connections).where(eq(connections.id, id)))[0]!;

  it.each(VENDORS)(
    "%s: every destination field changed without the secret is refused, nothing saved; Test then reaches only the old host",
    async (vendor) => {
      const view = await createConnection(handle.db, key, inputFor(vendor, `${vendor} refused`));
      const stored = await rowOf(view.id);
      for (const field of destinationFields(vendor)) {
        expect(MOVED, `a moved value for ${vendor}.${field}`).toHaveProperty(field);
        const edit = connectionUpdateSchema.parse({ ...editOf(view), [field]: MOVED[field]!() });
        const refusal = await updateConnection(handle.db, key, edit).catch((error: unknown) => error);
        expect(refusal).toMatchObject({
          code: "secret-required",
          message: expect.stringMatching(/enter the .+ again to save this change/),
        });
        expect(await rowOf(view.id)).toEqual(stored);
      }
      // Several fields at once are named together.
      const all = Object.fromEntries(destinationFields(vendor).map((field) => [field, MOVED[field]!()]));
      await expect(
        updateConnection(handle.db, key, connectionUpdateSchema.parse({ ...editOf(view), ...all })),
      ).rejects.toMatchObject({ message: expect.stringMatching(/^The .+ and .+ change where/) });

      const before = oldHost.requests.length;
      const tested = await testStoredConnection(handle.db, key, view.id);
      expect(tested).toMatchObject({ name: `${vendor} refused`, result: { ok: false } });
      expect(oldHost.requests.length).toBeGreaterThan(before);
      expect(newHost.connections).toBe(0);
    },
  );

  it("saves a moved destination when the secret is entered again, and drops stored secrets not entered", async () => {
    const view = await createConnection(handle.db, key, inputFor("huawei", "huawei moved"));
    const edit = connectionUpdateSchema.parse({
      ...editOf(view),
      region: "cn-north-4",
      secretAccessKey: "new-secret-access-key",
    });
    const saved = await updateConnection(handle.db, key, edit);
    expect(saved.secretsReplaced).toEqual(["secretAccessKey"]);
    expect(saved.before.secretsSet).toEqual(["secretAccessKey", "securityToken"]);
    expect(saved.after.secretsSet).toEqual(["secretAccessKey"]);
    const conn = await loadVendorConnection(handle.db, key, view.id);
    expect(conn).toMatchObject({ region: "cn-north-4", secretAccessKey: "new-secret-access-key" });
    expect(conn).not.toHaveProperty("securityToken", "temporary-security-token");
    // Renaming, or an unchanged destination written another way, keeps the stored secret.
    const renamed = connectionUpdateSchema.parse({
      ...editOf(saved.after),
      name: "huawei renamed",
      baseUrl: `${saved.after.baseUrl}/`,
    });
    expect((await updateConnection(handle.db, key, renamed)).secretsReplaced).toEqual([]);
    expect(await loadVendorConnection(handle.db, key, view.id)).toMatchObject({
      secretAccessKey: "new-secret-access-key",
    });
  });

  it.each([
    ["the base URL", () => ({ baseUrl: `${newHost.url}/cloudflare` })],
    [
      "the account ID",
      (row: { settings: Record<string, string> }) => ({
        settings: { ...row.settings, accountId: "f".repeat(32) },
      }),
    ],
  ] as const)(
    "%s changed in the database: the secret does not open and Test sends nothing",
    async (_what, change) => {
      const view = await createConnection(handle.db, key, inputFor("cloudflare", `cf tampered ${_what}`));
      const row = await rowOf(view.id);
      await handle.db.update(connections).set(change(row)).where(eq(connections.id, view.id));
      const connectionsBefore = newHost.connections;
      const oldRequests = oldHost.requests.length;
      expect(await testStoredConnection(handle.db, key, view.id)).toEqual({
        unreadable: expect.stringMatching(/sealed for another destination.*enter the secret again/),
      });
      await expect(loadVendorConnection(handle.db, key, view.id)).rejects.toMatchObject({
        code: "ERR_DESTINATION",
      });
      expect((await getConnectionView(handle.db, key, view.id))?.secretsSet).toEqual([]);
      expect(newHost.connections).toBe(connectionsBefore);
      expect(oldHost.requests.length).toBe(oldRequests);
      // An edit that keeps the secret is refused; entering it again repairs the connection.
      const tampered = (await getConnectionView(handle.db, key, view.id))!;
      await expect(
        updateConnection(handle.db, key, connectionUpdateSchema.parse(editOf(tampered))),
      ).rejects.toMatchObject({
        code: "secret-required",
        message: expect.stringMatching(/another destination/),
      });
      await updateConnection(
        handle.db,
        key,
        connectionUpdateSchema.parse({ ...editOf(tampered), apiToken: "re-entered" }),
      );
      expect(await loadVendorConnection(handle.db, key, view.id)).toMatchObject({ apiToken: "re-entered" });
    },
  );

  it("a ciphertext moved to another row does not open there", async () => {
    const a = await createConnection(handle.db, key, inputFor("cloudflare", "cf a"));
    const b = await createConnection(
      handle.db,
      key,
      connectionInputSchema.parse({ ...inputFor("cloudflare", "cf b"), accountId: "a".repeat(32) }),
    );
    await handle.db
      .update(connections)
      .set({ secretCiphertext: (await rowOf(a.id)).secretCiphertext })
      .where(eq(connections.id, b.id));
    await expect(loadVendorConnection(handle.db, key, b.id)).rejects.toMatchObject({ code: "ERR_DECRYPT" });
    // Even with the other row's destination copied too.
    const rowA = await rowOf(a.id);
    await handle.db
      .update(connections)
      .set({ baseUrl: rowA.baseUrl, settings: rowA.settings })
      .where(eq(connections.id, b.id));
    await expect(loadVendorConnection(handle.db, key, b.id)).rejects.toMatchObject({ code: "ERR_DECRYPT" });
  });

  it("reads a ciphertext sealed before the binding once, and seals it for the row's destination", async () => {
    const view = await createConnection(handle.db, key, inputFor("uipath", "uipath legacy"));
    const legacy = await encryptJson(
      { vendor: "uipath", clientSecret: "legacy-secret" },
      key,
      `connection:${view.id}`,
    );
    await handle.db.update(connections).set({ secretCiphertext: legacy }).where(eq(connections.id, view.id));
    expect(await loadVendorConnection(handle.db, key, view.id)).toMatchObject({
      clientSecret: "legacy-secret",
    });
    const resealed = (await rowOf(view.id)).secretCiphertext;
    expect(resealed).not.toBe(legacy);
    expect(purposeOf(resealed)).toMatch(new RegExp(`^connection:${view.id};destination:[\\w-]{43}$`));
    // From then on the binding holds.
    await handle.db
      .update(connections)
      .set({ baseUrl: `${newHost.url}/uipath` })
      .where(eq(connections.id, view.id));
    await expect(loadVendorConnection(handle.db, key, view.id)).rejects.toMatchObject({
      code: "ERR_DESTINATION",
    });
    expect(newHost.connections).toBe(0);
  });

  it("key rotation keeps each secret's binding", async () => {
    const view = await createConnection(handle.db, key, inputFor("cloudflare", "cf rotated"));
    const purpose = purposeOf((await rowOf(view.id)).secretCiphertext);
    const newKey = parseKey(generateKey());
    await rotateStoredSecrets(handle.db, key, newKey, "test");
    expect(purposeOf((await rowOf(view.id)).secretCiphertext)).toBe(purpose);
    expect(await loadVendorConnection(handle.db, newKey, view.id)).toMatchObject({ apiToken: SECRET });
    await handle.db
      .update(connections)
      .set({ baseUrl: `${newHost.url}/x` })
      .where(eq(connections.id, view.id));
    await expect(loadVendorConnection(handle.db, newKey, view.id)).rejects.toMatchObject({
      code: "ERR_DESTINATION",
    });
    await handle.db.delete(connections); // the other tests' rows were sealed with `key`
  });
});
