import "server-only";
import { and, asc, eq, ne, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import type { Role } from "@/lib/auth/roles";
import { hashPassword } from "@/lib/auth/password";
import { revokeUserSessions } from "@/lib/auth/sessions";
import type { CreateUserInput } from "./schemas";
import type { UserView } from "./types";

export type UserRow = typeof users.$inferSelect;
export type { UserView } from "./types";

const publicColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  authSource: users.authSource,
  disabled: users.disabled,
  lastSignInAt: users.lastSignInAt,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
};

export async function findUserByUsername(db: Database, username: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(eq(users.username, username.trim().toLowerCase()))
    .limit(1);
  return row;
}

export async function getUser(db: Database, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

export async function listUsers(db: Database): Promise<UserView[]> {
  return db.select(publicColumns).from(users).orderBy(asc(users.username));
}

/** Raised when a user change would break an invariant (duplicate name, last admin...). */
export class UserRuleError extends Error {
  constructor(
    readonly code: "username-taken" | "last-admin" | "self-change" | "not-found",
    message: string,
  ) {
    super(message);
  }
}

export async function createUser(db: Database, input: CreateUserInput): Promise<UserView> {
  if (await findUserByUsername(db, input.username)) {
    throw new UserRuleError("username-taken", `A user named ${input.username} already exists.`);
  }
  const [row] = await db
    .insert(users)
    .values({
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      passwordHash: await hashPassword(input.password),
    })
    .returning(publicColumns);
  return row!;
}

async function otherActiveAdmins(db: Database, exceptId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.disabled, false), ne(users.id, exceptId)));
  return row?.n ?? 0;
}

/** Change a role; refuses to remove the last active admin. Returns the previous role. */
export async function changeUserRole(
  db: Database,
  userId: string,
  role: Role,
): Promise<{ before: Role; user: UserView }> {
  const current = await getUser(db, userId);
  if (!current) throw new UserRuleError("not-found", "That user no longer exists.");
  if (
    current.role === "admin" &&
    role !== "admin" &&
    !current.disabled &&
    (await otherActiveAdmins(db, userId)) === 0
  ) {
    throw new UserRuleError("last-admin", "This is the last active admin: make someone else admin first.");
  }
  const [row] = await db
    .update(users)
    .set({ role, updatedAt: new Date() })
    .where(eq(users.id, userId))
    .returning(publicColumns);
  // The user's open sessions were granted under the old role: they end now.
  if (current.role !== role) await revokeUserSessions(db, userId, "role-changed");
  return { before: current.role, user: row! };
}

/** Disable or re-enable an account; refuses to disable the last active admin. */
export async function setUserDisabled(db: Database, userId: string, disabled: boolean): Promise<UserView> {
  const current = await getUser(db, userId);
  if (!current) throw new UserRuleError("not-found", "That user no longer exists.");
  if (disabled && current.role === "admin" && (await otherActiveAdmins(db, userId)) === 0) {
    throw new UserRuleError("last-admin", "This is the last active admin: it cannot be disabled.");
  }
  const [row] = await db
    .update(users)
    .set({ disabled, updatedAt: new Date() })
    .where(eq(users.id, userId))
    .returning(publicColumns);
  if (disabled) await revokeUserSessions(db, userId, "user-disabled");
  return row!;
}

export async function markSignedIn(db: Database, userId: string): Promise<void> {
  await db.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, userId));
}

export async function countUsers(db: Database): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return row?.n ?? 0;
}
