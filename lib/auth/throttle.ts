import "server-only";
import { and, eq, like, or, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { signInKnownSources, signInThrottle } from "@/lib/db/schema";

export type ThrottlePolicy = { maxFailures: number; lockMinutes: number };

// The sign-in throttle. Two buckets count attempts for each username, existing or not (so the
// throttle does not reveal which accounts exist):
//   user:<name>            every source together;
//   source:<name>|<ip>     one source address.
// `maxFailures` failures within `lockMinutes` lock a bucket for `lockMinutes`. An attempt from a
// source where the user has signed in successfully before is judged by its source bucket only:
// an attacker elsewhere can lock the name for strangers, never for the admin at their usual
// address. `npm run user:unlock` clears both buckets.
//
// An attempt claims its slot *before* the password is checked, in one atomic upsert (the row
// lock serialises concurrent attempts): 25 simultaneous guesses get `maxFailures` evaluations,
// not 25. A success then releases the buckets; a failure keeps its claim.

export const userBucket = (username: string) => `user:${username}`;
export const sourceBucket = (username: string, ip: string | null) => `source:${username}|${ip ?? "unknown"}`;

/**
 * Claim one attempt in each bucket, in one statement: every attempt locks the rows in the same
 * order, so concurrent attempts are admitted or refused by all buckets alike (none wastes a slot
 * of one bucket while another refuses it). Returns each bucket's count and any active lock.
 */
async function claim(db: Database, keys: string[], now: Date, policy: ThrottlePolicy) {
  const windowStart = new Date(now.getTime() - policy.lockMinutes * 60_000);
  const lockEnd = new Date(now.getTime() + policy.lockMinutes * 60_000);
  const t = signInThrottle;
  const locked = sql`(${t.lockedUntil} is not null and ${t.lockedUntil} > ${now})`;
  const expired = sql`${t.windowStartedAt} <= ${windowStart}`;
  return db
    .insert(t)
    .values(keys.map((key) => ({ key, failures: 1, windowStartedAt: now, lockedUntil: null })))
    .onConflictDoUpdate({
      target: t.key,
      set: {
        failures: sql`case when ${locked} then ${t.failures} when ${expired} then 1 else ${t.failures} + 1 end`,
        windowStartedAt: sql`case when ${locked} then ${t.windowStartedAt} when ${expired} then ${now} else ${t.windowStartedAt} end`,
        // Claims beyond the limit lock the bucket even before any of them is evaluated.
        lockedUntil: sql`case when ${locked} then ${t.lockedUntil} when not ${expired} and ${t.failures} + 1 > ${policy.maxFailures} then ${lockEnd} else null end`,
      },
    })
    .returning({ key: t.key, failures: t.failures, lockedUntil: t.lockedUntil });
}

/** Whether a claim may go on to the password check. */
const admitted = (row: { failures: number; lockedUntil: Date | null }, now: Date, policy: ThrottlePolicy) =>
  !(row.lockedUntil && row.lockedUntil > now) && row.failures <= policy.maxFailures;

export type AttemptClaim = { admitted: boolean; buckets: { key: string; failures: number }[] };

/** Claim an attempt in every bucket that applies; admitted only when all of them admit it. */
export async function claimAttempt(
  db: Database,
  input: { username: string; sourceIp: string | null; knownSource: boolean },
  now: Date,
  policy: ThrottlePolicy,
): Promise<AttemptClaim> {
  const keys = [sourceBucket(input.username, input.sourceIp)];
  if (!input.knownSource) keys.push(userBucket(input.username));
  const rows = await claim(db, keys, now, policy);
  return {
    admitted: rows.length === keys.length && rows.every((row) => admitted(row, now, policy)),
    buckets: rows.map(({ key, failures }) => ({ key, failures })),
  };
}

/** After a failed password check: lock every bucket whose claim reached the limit. */
export async function lockIfExhausted(
  db: Database,
  attempt: AttemptClaim,
  now: Date,
  policy: ThrottlePolicy,
): Promise<boolean> {
  const full = attempt.buckets.filter((b) => b.failures >= policy.maxFailures).map((b) => b.key);
  for (const key of full)
    await db
      .update(signInThrottle)
      .set({ lockedUntil: new Date(now.getTime() + policy.lockMinutes * 60_000) })
      .where(eq(signInThrottle.key, key));
  return full.length > 0;
}

/** After a success: the buckets start again, and the source becomes a known one. */
export async function recordSuccess(
  db: Database,
  input: { userId: string; username: string; sourceIp: string | null },
  now: Date,
): Promise<void> {
  await db
    .delete(signInThrottle)
    .where(
      or(
        eq(signInThrottle.key, userBucket(input.username)),
        eq(signInThrottle.key, sourceBucket(input.username, input.sourceIp)),
      ),
    );
  if (!input.sourceIp) return;
  await db
    .insert(signInKnownSources)
    .values({ userId: input.userId, sourceIp: input.sourceIp, lastSuccessAt: now })
    .onConflictDoUpdate({
      target: [signInKnownSources.userId, signInKnownSources.sourceIp],
      set: { lastSuccessAt: now },
    });
}

/** Whether the user has signed in successfully from this address before. */
export async function isKnownSource(db: Database, userId: string, sourceIp: string | null): Promise<boolean> {
  if (!sourceIp) return false;
  const [row] = await db
    .select({ userId: signInKnownSources.userId })
    .from(signInKnownSources)
    .where(and(eq(signInKnownSources.userId, userId), eq(signInKnownSources.sourceIp, sourceIp)))
    .limit(1);
  return Boolean(row);
}

/** Clear every throttle bucket of a username (the command-line unlock). Returns how many. */
export async function unlockUsername(db: Database, username: string): Promise<number> {
  const escaped = username.replace(/[\\%_]/g, (c) => `\\${c}`);
  const removed = await db
    .delete(signInThrottle)
    .where(or(eq(signInThrottle.key, userBucket(username)), like(signInThrottle.key, `source:${escaped}|%`)))
    .returning({ key: signInThrottle.key });
  return removed.length;
}
