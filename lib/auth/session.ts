import "server-only";
import { getServerSession } from "next-auth";
import { getDb } from "@/lib/db/get-db";
import type { Role } from "@/lib/auth/roles";
import { getUser } from "@/lib/users/data";
import { authOptions } from "./options";

/** The signed-in user as the server sees them now: role and status come from the database, not the cookie. */
export type Actor = { id: string; name: string; username: string; role: Role };

/**
 * The current actor, or null when there is no session or the account was disabled or removed
 * since the session was issued (a role change takes effect on the next request).
 */
export async function currentActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions());
  const id = session?.user?.id;
  if (!id) return null;
  const user = await getUser(await getDb(), id);
  if (!user || user.disabled) return null;
  return { id: user.id, name: user.displayName, username: user.username, role: user.role };
}
