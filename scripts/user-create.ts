/**
 * Create a Trustdeck user from the command line (the first admin, or a break-glass account):
 *   npm run user:create -- --username alice --role admin [--name "Alice Doe"]
 * The password is read from TRUSTDECK_NEW_PASSWORD or asked for on the terminal (not echoed).
 * Uses DATABASE_URL or PGLITE_DIR like the dashboard. On PGlite (one process per folder) it is
 * refused while the dashboard runs, with the holder's pid; stop the dashboard first.
 */
import { parseArgs } from "node:util";
import { openDatabase } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import { createUser } from "@/lib/users/data";
import { createUserSchema } from "@/lib/users/schemas";
import { z } from "zod";

async function readPassword(): Promise<string> {
  if (process.env.TRUSTDECK_NEW_PASSWORD) return process.env.TRUSTDECK_NEW_PASSWORD;
  if (!process.stdin.isTTY) throw new Error("Set TRUSTDECK_NEW_PASSWORD or run in a terminal.");
  process.stdout.write("Password (not shown): ");
  process.stdin.setRawMode(true);
  let password = "";
  for await (const chunk of process.stdin) {
    for (const char of String(chunk)) {
      if (char === "\r" || char === "\n") {
        process.stdin.setRawMode(false);
        process.stdout.write("\n");
        return password;
      }
      if (char === "\u0003") process.exit(130);
      password = char === "\u007f" ? password.slice(0, -1) : password + char;
    }
  }
  return password;
}

async function main() {
  const { values } = parseArgs({
    options: {
      username: { type: "string" },
      role: { type: "string", default: "admin" },
      name: { type: "string" },
    },
  });
  const password = await readPassword();
  const parsed = createUserSchema.safeParse({
    username: values.username,
    role: values.role,
    displayName: values.name ?? values.username,
    password,
  });
  if (!parsed.success) {
    for (const [field, messages] of Object.entries(z.flattenError(parsed.error).fieldErrors))
      console.error(`${field}: ${(messages as string[]).join(" ")}`);
    process.exit(2);
  }
  const handle = await openDatabase({
    databaseUrl: process.env.DATABASE_URL || undefined,
    pgliteDir: process.env.PGLITE_DIR ?? ".trustdeck/db",
  });
  try {
    const user = await createUser(handle.db, parsed.data);
    await recordAudit(handle.db, {
      actor: { id: null, name: "cli", role: null },
      action: "user.create",
      outcome: "success",
      target: { type: "user", id: user.id, label: user.username },
      details: { after: { username: user.username, role: user.role }, via: "npm run user:create" },
    });
    console.log(`Created ${user.username} (${user.role}).`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
