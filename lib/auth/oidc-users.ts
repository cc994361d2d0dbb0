import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import type { Env } from "@/lib/env";
import type { Role } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { revokeUserSessions } from "./sessions";

const subjectKey = (issuer: string, sub: string) => `${issuer}|${sub}`;

/** The claims next-auth passes on from the ID token (the role claim among them). */
export type OidcProfile = {
  sub: string;
  email?: string;
  name?: string;
  preferred_username?: string;
} & Record<string, unknown>;

/** The account already linked to an OIDC subject, if it is enabled. */
export async function findOidcUser(db: Database, issuer: string, sub: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(eq(users.oidcSubject, subjectKey(issuer, sub)))
    .limit(1);
  return user && !user.disabled ? user : null;
}

const displayName = (p: OidcProfile) => p.name ?? p.preferred_username ?? p.email ?? p.sub;

/**
 * Map an OIDC sign-in to a Trustdeck account: matched by issuer + subject, created on first
 * sign-in. `mappedRole` is the role the IdP's claim maps to (OIDC_ROLE_CLAIM): it is given to a
 * new account and replaces the role of an existing one at every sign-in (audited as a role
 * change, and the account's other sessions end). Without it a new account gets `OIDC_DEFAULT_ROLE` and an existing one keeps its role.
 * A disabled account is refused (returns null).
 */
export async function resolveOidcUser(
  db: Database,
  env: Env,
  input: { issuer: string; profile: OidcProfile; mappedRole?: Role },
) {
  const subject = subjectKey(input.issuer, input.profile.sub);
  const [existing] = await db.select().from(users).where(eq(users.oidcSubject, subject)).limit(1);
  let user = existing;
  if (!user) {
    const username = (input.profile.email ?? `oidc:${input.profile.sub}`).toLowerCase();
    [user] = await db
      .insert(users)
      .values({
        username,
        displayName: displayName(input.profile),
        role: input.mappedRole ?? env.OIDC_DEFAULT_ROLE,
        authSource: "oidc",
        oidcSubject: subject,
      })
      .onConflictDoNothing()
      .returning();
    if (!user) return null; // a local account already uses that name: do not merge silently
  }
  const ok = !user.disabled;
  if (ok && input.mappedRole && user.role !== input.mappedRole) {
    const before = user.role;
    [user] = await db
      .update(users)
      .set({ role: input.mappedRole, updatedAt: new Date() })
      .where(eq(users.id, user.id))
      .returning();
    // Sessions opened under the old role end; the one this sign-in opens starts afterwards.
    const endedSessions = await revokeUserSessions(db, user!.id, "role-changed");
    await recordAudit(db, {
      actor: { id: null, name: env.OIDC_NAME, role: null },
      action: "user.change-role",
      target: { type: "user", id: user!.id, label: user!.username },
      outcome: "success",
      details: {
        before,
        after: input.mappedRole,
        source: "oidc-claim",
        claim: env.OIDC_ROLE_CLAIM,
        endedSessions,
      },
    });
  }
  await recordAudit(db, {
    actor: { id: user!.id, name: user!.username, role: user!.role },
    action: "auth.sign-in",
    target: { type: "user", id: user!.id, label: user!.username },
    outcome: ok ? "success" : "failure",
    details: { method: "oidc", reason: ok ? (existing ? "ok" : "provisioned") : "disabled" },
  });
  return ok ? user! : null;
}

/**
 * Records that a user signed in at the IdP but holds no claim value OIDC_ROLE_MAP knows; an
 * existing account's open sessions end.
 */
export async function recordOidcRefusal(
  db: Database,
  env: Env,
  input: { issuer: string; profile: OidcProfile; claimValues: string[] },
): Promise<void> {
  const known = await findOidcUser(db, input.issuer, input.profile.sub);
  const name =
    known?.username ?? input.profile.email ?? input.profile.preferred_username ?? input.profile.sub;
  // Removed from every mapped group at the IdP: sessions opened while they had a role end too.
  const endedSessions = known ? await revokeUserSessions(db, known.id, "role-changed") : 0;
  await recordAudit(db, {
    actor: { id: known?.id ?? null, name, role: null },
    action: "auth.sign-in",
    ...(known && { target: { type: "user", id: known.id, label: known.username } }),
    outcome: "denied",
    details: {
      method: "oidc",
      reason: "no-role",
      claim: env.OIDC_ROLE_CLAIM,
      // What the IdP sent, capped: a user can be in hundreds of groups.
      values: input.claimValues.slice(0, 20),
      endedSessions,
    },
  });
}
