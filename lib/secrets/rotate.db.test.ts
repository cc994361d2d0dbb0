import { afterEach, describe, expect, it } from "vitest";
import { desc, eq } from "drizzle-orm";
import { alertRules, auditEvents, connections } from "@/lib/db/schema";
import { TEST_ENGINES } from "@/lib/testing/databases";
import { decryptJson, encryptJson, generateKey, parseKey, parseKeyRing } from "./crypto";
import { rotateStoredSecrets } from "./rotate";

const oldKey = parseKey(generateKey());
const newKey = parseKey(generateKey());

describe.each(TEST_ENGINES)("encryption key rotation on $engine", ({ open }) => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  async function seeded() {
    const handle = await open();
    close = handle.close;
    const { db } = handle;
    const ids: string[] = [];
    for (const name of ["first", "second"]) {
      const id = crypto.randomUUID();
      ids.push(id);
      await db.insert(connections).values({
        id,
        vendor: "cloudflare",
        name,
        baseUrl: "https://api.cloudflare.com/client/v4",
        settings: { accountId: "0123456789abcdef0123456789abcdef" },
        secretCiphertext: await encryptJson({ apiToken: `token-${name}` }, oldKey, `connection:${id}`),
      });
    }
    const ruleId = crypto.randomUUID();
    await db.insert(alertRules).values({
      id: ruleId,
      name: "webhook",
      thresholds: [30],
      channel: "webhook",
      webhookUrl: "https://hooks.example.com/x",
      webhookFormat: "json",
      webhookSecretCiphertext: await encryptJson("hook-secret", oldKey, `alert-rule:${ruleId}`),
    });
    return { db, ids, ruleId };
  }

  it("re-encrypts every sealed column to the new key, keeps each bound to its row, and audits it", async () => {
    const { db, ids, ruleId } = await seeded();
    const report = await rotateStoredSecrets(db, oldKey, newKey, "test");
    expect(report).toMatchObject({ reencrypted: 3, alreadyRotated: 0 });

    for (const [index, id] of ids.entries()) {
      const [row] = await db.select().from(connections).where(eq(connections.id, id));
      expect(await decryptJson(row!.secretCiphertext, newKey, `connection:${id}`)).toEqual({
        apiToken: `token-${["first", "second"][index]}`,
      });
      await expect(decryptJson(row!.secretCiphertext, oldKey, `connection:${id}`)).rejects.toThrow();
      // still bound to its own row: it does not open as another row's secret
      await expect(
        decryptJson(row!.secretCiphertext, newKey, `connection:${ids[1 - index]}`),
      ).rejects.toThrow();
    }
    const [rule] = await db.select().from(alertRules).where(eq(alertRules.id, ruleId));
    expect(await decryptJson(rule!.webhookSecretCiphertext!, newKey, `alert-rule:${ruleId}`)).toBe(
      "hook-secret",
    );

    const [audit] = await db.select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
    expect(audit).toMatchObject({ action: "secrets.rotate-key", outcome: "success", actorName: "test" });
    expect(audit!.details).toMatchObject({
      reencrypted: 3,
      oldKeyId: report.oldKeyId,
      newKeyId: report.newKeyId,
    });
    expect(JSON.stringify(audit)).not.toContain("token-first");
  });

  it("can be run again: a second run (or one after an app wrote with the new key) changes nothing", async () => {
    const { db, ids } = await seeded();
    // during the switch the app runs with "new,old" and writes one secret with the new key
    const ring = parseKeyRing(
      `${Buffer.from(newKey).toString("base64url")},${Buffer.from(oldKey).toString("base64url")}`,
    );
    await db
      .update(connections)
      .set({ secretCiphertext: await encryptJson({ apiToken: "rewritten" }, ring, `connection:${ids[0]}`) })
      .where(eq(connections.id, ids[0]!));
    expect(await rotateStoredSecrets(db, oldKey, newKey, "test")).toMatchObject({
      reencrypted: 2,
      alreadyRotated: 1,
    });
    expect(await rotateStoredSecrets(db, oldKey, newKey, "test")).toMatchObject({
      reencrypted: 0,
      alreadyRotated: 3,
    });
  });

  it("with a wrong old key changes nothing at all (one transaction) and names the row", async () => {
    const { db, ids } = await seeded();
    const before = await db.select().from(connections);
    const auditBefore = await db.select().from(auditEvents);
    await expect(rotateStoredSecrets(db, parseKey(generateKey()), newKey, "test")).rejects.toThrow(
      new RegExp(`connections row (${ids.join("|")}) opens with neither`),
    );
    expect(await db.select().from(connections)).toEqual(before);
    expect(await db.select().from(auditEvents)).toHaveLength(auditBefore.length);
  });

  it("an app configured with new,old reads secrets sealed by either key", async () => {
    const { db, ids } = await seeded();
    await rotateStoredSecrets(db, oldKey, newKey, "test");
    const ring = parseKeyRing(
      `${Buffer.from(newKey).toString("base64url")},${Buffer.from(oldKey).toString("base64url")}`,
    );
    const [row] = await db.select().from(connections).where(eq(connections.id, ids[0]!));
    expect(await decryptJson(row!.secretCiphertext, ring, `connection:${ids[0]}`)).toEqual({
      apiToken: "token-first",
    });
    const legacy = await encryptJson({ apiToken: "old" }, oldKey, "connection:x");
    expect(await decryptJson(legacy, ring, "connection:x")).toEqual({ apiToken: "old" });
  });
});

describe("sealed columns", () => {
  it("lists every *_ciphertext column of the schema, so a new secret column cannot be left behind", async () => {
    const schema = await import("@/lib/db/schema");
    const { getTableColumns, isTable } = await import("drizzle-orm");
    const { SEALED_COLUMNS } = await import("./rotate");
    const inSchema = Object.values(schema)
      .filter((value) => isTable(value))
      .flatMap((table) => Object.values(getTableColumns(table as never)))
      .map((column) => (column as { name: string }).name)
      .filter((name) => name.endsWith("_ciphertext"))
      .sort();
    expect(SEALED_COLUMNS.map((sealed) => sealed.column.name).sort()).toEqual(inSchema);
  });
});
