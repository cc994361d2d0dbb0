import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_ENGINES } from "@/lib/testing/databases";
import type { Env } from "@/lib/env";
import { createUser, setUserDisabled } from "@/lib/users/data";
import { queryAuditEvents } from "@/lib/audit/query";
import { auditFilterSchema } from "@/lib/audit/schemas";
import { findOidcUser, resolveOidcUser } from "./oidc-users";

const ISSUER = "https://idp.example.com";
const env = { OIDC_DEFAULT_ROLE: "viewer" } as Env;

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
});
