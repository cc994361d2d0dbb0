import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/client";
import { connections } from "@/lib/db/schema";
import { decryptJson, encryptJson, generateKey, parseKey } from "@/lib/secrets/crypto";

const run = promisify(execFile);
const dir = mkdtempSync(path.join(tmpdir(), "trustdeck-rotate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The command as an operator runs it: a separate process on a PGlite folder, keys in the environment.
describe("npm run secrets:rotate-key", () => {
  it("re-encrypts the folder's secrets and never prints a key", async () => {
    const oldKey = generateKey();
    const newKey = generateKey();
    const id = crypto.randomUUID();
    const seed = await openDatabase({ pgliteDir: dir });
    await seed.db.insert(connections).values({
      id,
      vendor: "cloudflare",
      name: "cli",
      baseUrl: "https://api.cloudflare.com/client/v4",
      settings: {},
      secretCiphertext: await encryptJson({ apiToken: "t" }, parseKey(oldKey), `connection:${id}`),
    });
    await seed.close();

    const env = {
      ...process.env,
      PGLITE_DIR: dir,
      DATABASE_URL: "",
      TRUSTDECK_OLD_ENCRYPTION_KEY: oldKey,
      TRUSTDECK_NEW_ENCRYPTION_KEY: newKey,
    };
    const tsx = path.resolve("node_modules/.bin/tsx");
    const args = ["--conditions=react-server", "scripts/rotate-encryption-key.ts"];
    const first = await run(tsx, args, { env });
    expect(first.stdout).toContain("Re-encrypted 1 secret(s)");
    expect(first.stdout + first.stderr).not.toContain(oldKey);
    expect(first.stdout + first.stderr).not.toContain(newKey);
    const again = await run(tsx, args, { env });
    expect(again.stdout).toContain("Re-encrypted 0 secret(s)");
    expect(again.stdout).toContain("1 already used the new key");

    const check = await openDatabase({ pgliteDir: dir });
    const [row] = await check.db.select().from(connections);
    await check.close();
    expect(await decryptJson(row!.secretCiphertext, parseKey(newKey), `connection:${id}`)).toEqual({
      apiToken: "t",
    });
  }, 120_000);

  it("refuses a malformed key by its variable's name, before touching the database", async () => {
    const env = {
      ...process.env,
      PGLITE_DIR: dir,
      TRUSTDECK_OLD_ENCRYPTION_KEY: "short",
      TRUSTDECK_NEW_ENCRYPTION_KEY: generateKey(),
    };
    const failed = await run(
      path.resolve("node_modules/.bin/tsx"),
      ["--conditions=react-server", "scripts/rotate-encryption-key.ts"],
      { env },
    ).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toContain("TRUSTDECK_OLD_ENCRYPTION_KEY");
  }, 60_000);
});
