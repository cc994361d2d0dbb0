import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { signInThrottle } from "@/lib/db/schema";

export type ThrottlePolicy = { maxFailures: number; lockMinutes: number };

/**
 * Failed sign-ins are counted per attempted username, existing or not, so the throttle itself
 * does not reveal which accounts exist. After `maxFailures` failures within `lockMinutes`, the
 * name is locked for `lockMinutes`, even for the right password.
 */
export async function lockedUntil(db: Database, key: string, now: Date): Promise<Date | null> {
  const [row] = await db.select().from(signInThrottle).where(eq(signInThrottle.key, key)).limit(1);
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

/** Count one failure; returns the lock expiry if this failure triggered a lock. */
export async function registerFailure(
  db: Database,
  key: string,
  now: Date,
  policy: ThrottlePolicy,
): Promise<Date | null> {
  const windowMs = policy.lockMinutes * 60_000;
  const [row] = await db.select().from(signInThrottle).where(eq(signInThrottle.key, key)).limit(1);
  const windowExpired = !row || now.getTime() - row.windowStartedAt.getTime() > windowMs;
  const failures = windowExpired ? 1 : row.failures + 1;
  const lock = failures >= policy.maxFailures ? new Date(now.getTime() + windowMs) : null;
  const values = {
    failures: lock ? 0 : failures,
    windowStartedAt: windowExpired ? now : row.windowStartedAt,
    lockedUntil: lock ?? row?.lockedUntil ?? null,
  };
  await db
    .insert(signInThrottle)
    .values({ key, ...values })
    .onConflictDoUpdate({ target: signInThrottle.key, set: values });
  return lock;
}

export async function clearFailures(db: Database, key: string): Promise<void> {
  await db.delete(signInThrottle).where(eq(signInThrottle.key, key));
}
