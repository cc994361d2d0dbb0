import "server-only";
import type { NextAuthOptions, User } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { getDb } from "@/lib/db/get-db";
import { getEnv, oidcEnabled, type Env } from "@/lib/env";
import { recordAudit } from "@/lib/audit/record";
import type { Role } from "@/lib/auth/roles";
import { signInWithPassword } from "./sign-in";
import { findOidcUser, recordOidcRefusal, resolveOidcUser, type OidcProfile } from "./oidc-users";
import { claimValues, roleFromClaims } from "./oidc-roles";
import { clientIpFrom } from "./client-ip";
import { safeRedirect } from "./callback-url";
import { revokeSession, startSession, type SessionPolicy } from "./sessions";

/** The session lifetime and idle timeout from the environment. */
export function sessionPolicy(env: Env = getEnv()): SessionPolicy {
  return { maxAgeMs: env.SESSION_MAX_HOURS * 3_600_000, idleMs: env.SESSION_IDLE_MINUTES * 60_000 };
}

/** The error codes the sign-in page turns into messages. */
export const SIGN_IN_ERRORS = {
  invalid: "CredentialsSignin",
  throttled: "Throttled",
  oidcRefused: "AccessDenied",
} as const;

/** Where a user whose IdP claims map to no role lands (a public page naming the groups to ask for). */
export const SSO_REFUSED_PATH = "/sso-refused";

function oidcProvider(env: Env): OAuthConfig<OidcProfile> {
  return {
    id: "oidc",
    name: env.OIDC_NAME,
    type: "oauth",
    wellKnown: `${env.OIDC_ISSUER!.replace(/\/$/, "")}/.well-known/openid-configuration`,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    authorization: { params: { scope: env.OIDC_SCOPE } },
    idToken: true,
    checks: ["pkce", "state"],
    profile: (profile) => ({
      id: profile.sub,
      name: profile.name ?? profile.preferred_username ?? profile.email ?? profile.sub,
      email: profile.email,
    }),
  };
}

let cached: NextAuthOptions | undefined;

/** next-auth configuration: database-backed passwords, optional generic OIDC, JWT sessions. */
export function authOptions(): NextAuthOptions {
  if (cached) return cached;
  const env = getEnv();
  const policy = { maxFailures: env.SIGNIN_MAX_FAILURES, lockMinutes: env.SIGNIN_LOCK_MINUTES };
  const sessions = sessionPolicy(env);
  const maxAge = Math.round(sessions.maxAgeMs / 1000);
  const providers: NextAuthOptions["providers"] = [
    CredentialsProvider({
      id: "credentials",
      name: "Password",
      credentials: {
        username: { label: "Username", type: "text" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, req) {
        const db = await getDb();
        const result = await signInWithPassword(db, credentials, {
          now: new Date(),
          sourceIp: clientIpFrom(req?.headers),
          policy,
        });
        if (!result.ok)
          throw new Error(result.reason === "throttled" ? SIGN_IN_ERRORS.throttled : SIGN_IN_ERRORS.invalid);
        return { id: result.user.id, name: result.user.name, role: result.user.role } satisfies User & {
          role: Role;
        };
      },
    }),
  ];
  if (oidcEnabled(env)) providers.push(oidcProvider(env));

  cached = {
    providers,
    secret: env.NEXTAUTH_SECRET,
    // The cookie expires with the absolute lifetime; the sessions table enforces it, the idle
    // timeout and revocation on the server (a copied cookie is only as good as its row).
    session: { strategy: "jwt", maxAge },
    jwt: { maxAge },
    pages: { signIn: "/login", error: "/login" },
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider !== "oidc") return true;
        const db = await getDb();
        const claims = profile as OidcProfile;
        const issuer = env.OIDC_ISSUER!;
        // With a role claim the IdP decides the role at every sign-in; no mapped value, no entry.
        const claim = env.OIDC_ROLE_CLAIM;
        const mappedRole = claim ? roleFromClaims(claims, claim, env.OIDC_ROLE_MAP) : undefined;
        if (claim && !mappedRole) {
          await recordOidcRefusal(db, env, {
            issuer,
            profile: claims,
            claimValues: claimValues(claims, claim),
          });
          return SSO_REFUSED_PATH;
        }
        const user = await resolveOidcUser(db, env, {
          issuer,
          profile: claims,
          mappedRole: mappedRole ?? undefined,
        });
        return Boolean(user);
      },
      async jwt({ token, user, account, profile }) {
        if (account?.provider === "oidc" && profile) {
          const resolved = await findOidcUser(await getDb(), env.OIDC_ISSUER!, (profile as OidcProfile).sub);
          if (resolved)
            Object.assign(token, { uid: resolved.id, role: resolved.role, name: resolved.displayName });
        } else if (user) {
          Object.assign(token, { uid: user.id, role: (user as User & { role: Role }).role });
        }
        // A new sign-in: a new server-side session, named in the cookie.
        if (user && token.uid)
          token.sid = await startSession(await getDb(), String(token.uid), new Date(), sessions);
        return token;
      },
      async session({ session, token }) {
        if (session.user) Object.assign(session.user, { id: token.uid, role: token.role, sid: token.sid });
        return session;
      },
      redirect: ({ url, baseUrl }) => safeRedirect(url, baseUrl),
    },
    events: {
      async signOut({ token }) {
        if (!token?.uid) return;
        if (typeof token.sid === "string") await revokeSession(await getDb(), token.sid, "sign-out");
        await recordAudit(await getDb(), {
          actor: {
            id: String(token.uid),
            name: String(token.name ?? token.uid),
            role: (token.role as Role) ?? null,
          },
          action: "auth.sign-out",
          outcome: "success",
        });
      },
    },
  };
  return cached;
}
