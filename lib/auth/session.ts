import "server-only";
import { getServerSession } from "next-auth";
import { getDb } from "@/lib/db/get-db";
import type { Role } from "@/lib/auth/roles";
import { getUser } from "@/lib/users/data";
import { authOptions, sessionPolicy } from "./options";
import { checkSession } from "./sessions";

/** The signed-in user as the server sees them now: role and status come from the database, not the cookie. */
export type Actor = { id: string; name: string; username: string; role: Role };

/**
 * The current actor, or null when there is no session, when its server-side row was revoked
 * (sign-out, account disabled, role changed), is past its absolute lifetime or idle for too
 * long, or when the account was disabled or removed since the session was issued.
 */
export async function currentActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions());
  const id = session?.user?.id;
  if (!id) return null;
  const db = await getDb();
  const check = await checkSession(db, session?.user?.sid, id, new Date(), sessionPolicy());
  if (!check.ok) return null;
  const user = await getUser(db, id);
  if (!user || user.disabled) return null;
  return { id: user.id, name: user.displayName, username: user.username, role: user.role };
}
