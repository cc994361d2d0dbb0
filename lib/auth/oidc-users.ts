import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import type { Env } from "@/lib/env";
import { recordAudit } from "@/lib/audit/record";

const subjectKey = (issuer: string, sub: string) => `${issuer}|${sub}`;

/** The account already linked to an OIDC subject, if it is enabled. */
export async function findOidcUser(db: Database, issuer: string, sub: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(eq(users.oidcSubject, subjectKey(issuer, sub)))
    .limit(1);
  return user && !user.disabled ? user : null;
}

/**
 * Map an OIDC sign-in to a Trustdeck account: matched by issuer + subject, created on first
 * sign-in with `OIDC_DEFAULT_ROLE`. A disabled account is refused (returns null).
 */
export async function resolveOidcUser(
  db: Database,
  env: Env,
  input: {
    issuer: string;
    profile: { sub: string; email?: string; name?: string; preferred_username?: string };
  },
) {
  const subject = subjectKey(input.issuer, input.profile.sub);
  const [existing] = await db.select().from(users).where(eq(users.oidcSubject, subject)).limit(1);
  const display =
    input.profile.name ?? input.profile.preferred_username ?? input.profile.email ?? input.profile.sub;
  let user = existing;
  if (!user) {
    const username = (input.profile.email ?? `oidc:${input.profile.sub}`).toLowerCase();
    [user] = await db
      .insert(users)
      .values({
        username,
        displayName: display,
        role: env.OIDC_DEFAULT_ROLE,
        authSource: "oidc",
        oidcSubject: subject,
      })
      .onConflictDoNothing()
      .returning();
    if (!user) return null; // a local account already uses that name: do not merge silently
  }
  const ok = !user.disabled;
  await recordAudit(db, {
    actor: { id: user.id, name: user.username, role: user.role },
    action: "auth.sign-in",
    target: { type: "user", id: user.id, label: user.username },
    outcome: ok ? "success" : "failure",
    details: { method: "oidc", reason: ok ? (existing ? "ok" : "provisioned") : "disabled" },
  });
  return ok ? user : null;
}
