import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_ENGINES } from "@/lib/testing/databases";
import type { Env } from "@/lib/env";
import { createUser, setUserDisabled } from "@/lib/users/data";
import { queryAuditEvents } from "@/lib/audit/query";
import { auditFilterSchema } from "@/lib/audit/schemas";
import { findOidcUser, recordOidcRefusal, resolveOidcUser } from "./oidc-users";
import { checkSession, startSession } from "./sessions";

const ISSUER = "https://idp.example.com";
const env = { OIDC_DEFAULT_ROLE: "viewer", OIDC_NAME: "Example IdP", OIDC_ROLE_CLAIM: "groups" } as Env;

describe.each(TEST_ENGINES)("OIDC accounts on $engine", ({ open }) => {
  let handle: Awaited<ReturnType<typeof open>>;
  beforeAll(async () => {
    handle = await open();
  });
  afterAll(() => handle.close());

  it("creates an account at the first sign-in with the default role, and finds it again by subject", async () => {
    const user = await resolveOidcUser(handle.db, env, {
      issuer: ISSUER,
      profile: { sub: "abc-123", email: "Olga@Example.com", name: "Olga" },
    });
    expect(user).toMatchObject({
      username: "olga@example.com",
      role: "viewer",
      authSource: "oidc",
      passwordHash: null,
    });
    expect((await findOidcUser(handle.db, ISSUER, "abc-123"))?.id).toBe(user!.id);
    expect(await findOidcUser(handle.db, "https://other-idp.example.com", "abc-123")).toBeNull();
    const again = await resolveOidcUser(handle.db, env, {
      issuer: ISSUER,
      profile: { sub: "abc-123", email: "olga@example.com" },
    });
    expect(again!.id).toBe(user!.id);
    const { rows } = await queryAuditEvents(handle.db, auditFilterSchema.parse({ actor: "olga" }));
    expect(rows.map((r) => r.details?.reason)).toEqual(["ok", "provisioned"]);
  });

  it("refuses a disabled account", async () => {
    const user = await findOidcUser(handle.db, ISSUER, "abc-123");
    await setUserDisabled(handle.db, user!.id, true);
    expect(await resolveOidcUser(handle.db, env, { issuer: ISSUER, profile: { sub: "abc-123" } })).toBeNull();
    expect(await findOidcUser(handle.db, ISSUER, "abc-123")).toBeNull();
  });

  it("does not merge an OIDC identity into a local account with the same name", async () => {
    await createUser(handle.db, {
      username: "root@example.com",
      displayName: "Root",
      role: "admin",
      password: "root-password-1",
    });
    expect(
      await resolveOidcUser(handle.db, env, {
        issuer: ISSUER,
        profile: { sub: "mallory", email: "root@example.com" },
      }),
    ).toBeNull();
  });

  it("gives a new account the mapped role, and follows the IdP's role at every sign-in (audited)", async () => {
    const sign = (mappedRole: "viewer" | "operator" | "admin") =>
      resolveOidcUser(handle.db, env, {
        issuer: ISSUER,
        profile: { sub: "ivy", email: "ivy@example.com" },
        mappedRole,
      });
    const policy = { maxAgeMs: 3_600_000, idleMs: 3_600_000 };
    const first = await sign("operator");
    expect(first?.role).toBe("operator");
    const operatorSession = await startSession(handle.db, first!.id, new Date(), policy);
    expect((await sign("operator"))?.role).toBe("operator");
    // Same role: the session opened before stays valid.
    expect(await checkSession(handle.db, operatorSession, first!.id, new Date(), policy)).toEqual({
      ok: true,
    });
    expect((await sign("admin"))?.role).toBe("admin");
    // Promoted at the IdP: sessions opened under the old role end.
    expect(await checkSession(handle.db, operatorSession, first!.id, new Date(), policy)).toEqual({
      ok: false,
      reason: "revoked",
    });
    expect((await sign("viewer"))?.role).toBe("viewer");
    expect((await findOidcUser(handle.db, ISSUER, "ivy"))?.role).toBe("viewer");
    const { rows } = await queryAuditEvents(
      handle.db,
      auditFilterSchema.parse({ action: "user.change-role", target: "ivy@example.com" }),
    );
    expect(
      rows.map((r) => [r.details?.before, r.details?.after, r.actorName, r.details?.endedSessions]),
    ).toEqual([
      ["admin", "viewer", "Example IdP", 0],
      ["operator", "admin", "Example IdP", 1],
    ]);
  });

  it("does not change the role of a disabled account", async () => {
    const ivy = await findOidcUser(handle.db, ISSUER, "ivy");
    await setUserDisabled(handle.db, ivy!.id, true);
    const again = await resolveOidcUser(handle.db, env, {
      issuer: ISSUER,
      profile: { sub: "ivy" },
      mappedRole: "admin",
    });
    expect(again).toBeNull();
    const { rows } = await queryAuditEvents(
      handle.db,
      auditFilterSchema.parse({ action: "user.change-role", target: "ivy@example.com" }),
    );
    expect(rows).toHaveLength(2);
  });

  it("audits a refusal for want of a role, naming a known account and capping the values", async () => {
    await recordOidcRefusal(handle.db, env, {
      issuer: ISSUER,
      profile: { sub: "nobody", email: "nobody@example.com" },
      claimValues: Array.from({ length: 30 }, (_, i) => `group-${i}`),
    });
    const { rows } = await queryAuditEvents(
      handle.db,
      auditFilterSchema.parse({ actor: "nobody@example.com" }),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: "auth.sign-in", outcome: "denied", actorId: null });
    expect(rows[0]!.details).toMatchObject({ method: "oidc", reason: "no-role", claim: "groups" });
    expect(rows[0]!.details?.values).toHaveLength(20);
    expect(await findOidcUser(handle.db, ISSUER, "nobody")).toBeNull();
  });

  it("ends the open sessions of a known account that lost every mapped group", async () => {
    const policy = { maxAgeMs: 3_600_000, idleMs: 3_600_000 };
    const user = await resolveOidcUser(handle.db, env, {
      issuer: ISSUER,
      profile: { sub: "leaver", email: "leaver@example.com" },
      mappedRole: "admin",
    });
    const sid = await startSession(handle.db, user!.id, new Date(), policy);
    await recordOidcRefusal(handle.db, env, { issuer: ISSUER, profile: { sub: "leaver" }, claimValues: [] });
    expect(await checkSession(handle.db, sid, user!.id, new Date(), policy)).toEqual({
      ok: false,
      reason: "revoked",
    });
    const { rows } = await queryAuditEvents(
      handle.db,
      auditFilterSchema.parse({ actor: "leaver@example.com" }),
    );
    expect(rows[0]).toMatchObject({ outcome: "denied", actorId: user!.id });
    expect(rows[0]!.details).toMatchObject({ reason: "no-role", endedSessions: 1 });
  });
});
