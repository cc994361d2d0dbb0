import "server-only";
import { readFile } from "node:fs/promises";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import { users } from "@/lib/db/schema";
import { createUser } from "./data";
import { createUserSchema } from "./schemas";

/** Any constant: serialises the first-admin check-and-create of instances starting together. */
const BOOTSTRAP_LOCK_KEY = 7_261_518_305;

/** The settings: the first admin's username and the file holding their password. */
export interface BootstrapSettings {
  username?: string;
  passwordFile?: string;
}

export type BootstrapResult =
  | { outcome: "not-configured" }
  | { outcome: "users-exist" }
  | { outcome: "created"; username: string }
  | { outcome: "refused"; problems: string[] };

async function countUsers(db: Database): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return row?.n ?? 0;
}

/** The password file's content without its final line break (`echo secret > file` adds one). */
async function readPasswordFile(file: string): Promise<string | { problem: string }> {
  try {
    return (await readFile(file, "utf8")).replace(/\r?\n$/, "");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
    return { problem: `TRUSTDECK_BOOTSTRAP_ADMIN_PASSWORD_FILE cannot be read (${code}).` };
  }
}

/**
 * Creates the first admin of an empty database from the settings — the way into a container
 * that has no checkout to run `npm run user:create` from. Does nothing once any user exists (the
 * settings can stay in place, and the password file can be deleted after the first start).
 * Instances starting together create one admin: the check and the insert run in one transaction
 * under an advisory lock. Audited as `user.create` via "bootstrap"; problems name the setting,
 * never the password.
 */
export async function bootstrapFirstAdmin(
  db: Database,
  settings: BootstrapSettings,
): Promise<BootstrapResult> {
  const { username, passwordFile } = settings;
  if (!username && !passwordFile) return { outcome: "not-configured" };
  if (!username || !passwordFile)
    return {
      outcome: "refused",
      problems: [
        "Set both TRUSTDECK_BOOTSTRAP_ADMIN_USERNAME and TRUSTDECK_BOOTSTRAP_ADMIN_PASSWORD_FILE, or neither.",
      ],
    };
  // Cheap check first, so that a later start never needs the (maybe deleted) password file.
  if ((await countUsers(db)) > 0) return { outcome: "users-exist" };

  const password = await readPasswordFile(passwordFile);
  if (typeof password !== "string") return { outcome: "refused", problems: [password.problem] };
  const parsed = createUserSchema.safeParse({ username, displayName: username, role: "admin", password });
  if (!parsed.success) {
    const fields = z.flattenError(parsed.error).fieldErrors;
    return {
      outcome: "refused",
      problems: Object.entries(fields).map(
        ([field, messages]) =>
          `${field === "password" ? "The password in TRUSTDECK_BOOTSTRAP_ADMIN_PASSWORD_FILE" : "TRUSTDECK_BOOTSTRAP_ADMIN_USERNAME"}: ${(messages ?? []).join(" ")}`,
      ),
    };
  }

  return db.transaction(async (tx): Promise<BootstrapResult> => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${BOOTSTRAP_LOCK_KEY})`);
    if ((await countUsers(tx)) > 0) return { outcome: "users-exist" };
    const user = await createUser(tx, parsed.data);
    await recordAudit(tx, {
      actor: { id: null, name: "bootstrap", role: null },
      action: "user.create",
      outcome: "success",
      target: { type: "user", id: user.id, label: user.username },
      details: {
        after: { username: user.username, role: user.role },
        via: "TRUSTDECK_BOOTSTRAP_ADMIN_USERNAME on an empty database",
      },
    });
    return { outcome: "created", username: user.username };
  });
}
