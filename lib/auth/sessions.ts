import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { authSessions } from "@/lib/db/schema";

// Server-side sessions behind the signed cookie. The cookie carries a session id (`sid`); a
// request is signed in only while that row exists, is not revoked, is inside its absolute
// lifetime and has been used within the idle timeout. Revoking the row ends the session at
// once, wherever a copy of the cookie is.

export type SessionPolicy = { maxAgeMs: number; idleMs: number };

/** Last-seen is written at most this often, so reading pages does not write on every request. */
const TOUCH_INTERVAL_MS = 60_000;

export type SessionRevocation = "sign-out" | "user-disabled" | "role-changed" | "admin";

/** Record a new session for a user who just signed in; returns its id for the cookie. */
export async function startSession(
  db: Database,
  userId: string,
  now: Date,
  policy: SessionPolicy,
): Promise<string> {
  const [row] = await db
    .insert(authSessions)
    .values({ userId, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + policy.maxAgeMs) })
    .returning({ id: authSessions.id });
  return row!.id;
}

export type SessionCheck = { ok: true } | { ok: false; reason: "unknown" | "revoked" | "expired" | "idle" };

/** Whether a cookie's session is still valid for `userId`; a valid one is marked as used now. */
export async function checkSession(
  db: Database,
  sid: string | undefined,
  userId: string,
  now: Date,
  policy: SessionPolicy,
): Promise<SessionCheck> {
  if (!sid || !/^[0-9a-f-]{36}$/i.test(sid)) return { ok: false, reason: "unknown" };
  const [row] = await db.select().from(authSessions).where(eq(authSessions.id, sid)).limit(1);
  if (!row || row.userId !== userId) return { ok: false, reason: "unknown" };
  if (row.revokedAt) return { ok: false, reason: "revoked" };
  // The absolute limit is the shorter of the row's expiry and the current setting.
  const absoluteEnd = Math.min(row.expiresAt.getTime(), row.createdAt.getTime() + policy.maxAgeMs);
  if (now.getTime() >= absoluteEnd) return { ok: false, reason: "expired" };
  if (now.getTime() - row.lastSeenAt.getTime() >= policy.idleMs) return { ok: false, reason: "idle" };
  if (now.getTime() - row.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS)
    await db.update(authSessions).set({ lastSeenAt: now }).where(eq(authSessions.id, sid));
  return { ok: true };
}

/** End one session (sign-out). */
export async function revokeSession(db: Database, sid: string, reason: SessionRevocation): Promise<void> {
  await db
    .update(authSessions)
    .set({ revokedAt: new Date(), revokedReason: reason })
    .where(and(eq(authSessions.id, sid), isNull(authSessions.revokedAt)));
}

/** End every session of a user (disabled, role changed). Returns how many were open. */
export async function revokeUserSessions(
  db: Database,
  userId: string,
  reason: SessionRevocation,
): Promise<number> {
  const rows = await db
    .update(authSessions)
    .set({ revokedAt: new Date(), revokedReason: reason })
    .where(and(eq(authSessions.userId, userId), isNull(authSessions.revokedAt)))
    .returning({ id: authSessions.id });
  return rows.length;
}
