import "server-only";
import type { Database } from "@/lib/db/client";
import type { Role } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { findUserByUsername, markSignedIn } from "@/lib/users/data";
import { signInSchema } from "@/lib/users/schemas";
import { verifyAgainstDummy, verifyPassword } from "./password";
import { claimAttempt, isKnownSource, lockIfExhausted, recordSuccess, type ThrottlePolicy } from "./throttle";

export type SignInResult =
  | { ok: true; user: { id: string; name: string; username: string; role: Role } }
  | { ok: false; reason: "invalid" | "throttled" };

/**
 * Check a username and password. Unknown user, wrong password and disabled account all give
 * the same answer after the same amount of work; every attempt is audited. The attempt is
 * claimed in the throttle before the password is checked (see ./throttle.ts for the policy).
 */
export async function signInWithPassword(
  db: Database,
  raw: unknown,
  context: { now: Date; sourceIp?: string | null; policy: ThrottlePolicy },
): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { username, password } = parsed.data;
  const sourceIp = context.sourceIp ?? null;
  const actor = { id: null, name: username, role: null };
  const audit = (outcome: "success" | "failure", reason: string, user?: { id: string; role: Role }) =>
    recordAudit(db, {
      actor: user ? { id: user.id, name: username, role: user.role } : actor,
      action: "auth.sign-in",
      target: { type: "user", id: user?.id, label: username },
      outcome,
      sourceIp,
      details: { method: "password", reason },
    });

  const user = await findUserByUsername(db, username);
  const knownSource = user ? await isKnownSource(db, user.id, sourceIp) : false;
  const attempt = await claimAttempt(db, { username, sourceIp, knownSource }, context.now, context.policy);
  if (!attempt.admitted) {
    await verifyAgainstDummy(password);
    await audit("failure", "throttled");
    return { ok: false, reason: "throttled" };
  }

  const valid = user?.passwordHash
    ? await verifyPassword(password, user.passwordHash)
    : await verifyAgainstDummy(password);
  if (!user || !valid || user.disabled) {
    const locked = await lockIfExhausted(db, attempt, context.now, context.policy);
    // The reason is for administrators reading the audit log, never for the sign-in form.
    await audit(
      "failure",
      !user ? "unknown-user" : !valid ? "wrong-password" : "disabled",
      user ?? undefined,
    );
    return { ok: false, reason: locked ? "throttled" : "invalid" };
  }

  await recordSuccess(db, { userId: user.id, username, sourceIp }, context.now);
  await markSignedIn(db, user.id);
  await audit("success", "ok", user);
  return {
    ok: true,
    user: { id: user.id, name: user.displayName, username: user.username, role: user.role },
  };
}
