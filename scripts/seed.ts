/**
 * Idempotent seeding of users and connections from a JSON file, for the demo and the e2e suite:
 *   tsx --conditions=react-server scripts/seed.ts <file.json>
 * The file is `{ users?: CreateUserInput[], connections?: ConnectionInput[] }`. Existing users
 * (by username) and connections (by name) are left as they are, so a second run changes nothing.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { openDatabase } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import { createConnection, listConnections } from "@/lib/connections/data";
import { connectionInputSchema } from "@/lib/connections/schemas";
import { parseKey } from "@/lib/secrets/crypto";
import { createUser, findUserByUsername } from "@/lib/users/data";
import { createUserSchema } from "@/lib/users/schemas";

const seedSchema = z.object({
  users: z.array(createUserSchema).default([]),
  connections: z.array(connectionInputSchema).default([]),
});

async function main() {
  const file = process.argv[2];
  if (!file) throw new Error("usage: seed.ts <file.json>");
  const seed = seedSchema.parse(JSON.parse(readFileSync(file, "utf8")));
  // Every setting is checked before the database is opened.
  const key = parseKey(process.env.TRUSTDECK_ENCRYPTION_KEY);
  const handle = await openDatabase({
    databaseUrl: process.env.DATABASE_URL || undefined,
    pgliteDir: process.env.PGLITE_DIR ?? ".trustdeck/db",
  });
  const actor = { id: null, name: "seed", role: null };
  try {
    let users = 0;
    for (const user of seed.users) {
      if (await findUserByUsername(handle.db, user.username)) continue;
      const created = await createUser(handle.db, user);
      await recordAudit(handle.db, {
        actor,
        action: "user.create",
        outcome: "success",
        target: { type: "user", id: created.id, label: created.username },
        details: { after: { role: created.role }, via: "seed" },
      });
      users++;
    }
    const existing = new Set((await listConnections(handle.db, key)).map((c) => c.name));
    let connections = 0;
    for (const connection of seed.connections) {
      if (existing.has(connection.name)) continue;
      const view = await createConnection(handle.db, key, connection);
      await recordAudit(handle.db, {
        actor,
        action: "connection.create",
        outcome: "success",
        target: { type: "connection", id: view.id, label: view.name },
        details: { after: { vendor: view.vendor, baseUrl: view.baseUrl }, via: "seed" },
      });
      connections++;
    }
    console.log(`seed: ${users} user(s) and ${connections} connection(s) added (${handle.engine})`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(`seed failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
