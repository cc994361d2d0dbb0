import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_ENGINES } from "@/lib/testing/databases";
import { createUser, setUserDisabled } from "@/lib/users/data";
import { queryAuditEvents } from "@/lib/audit/query";
import { auditFilterSchema } from "@/lib/audit/schemas";
import { signInWithPassword } from "./sign-in";

const policy = { maxFailures: 3, lockMinutes: 15 };
const at = (minutes: number) => new Date(Date.UTC(2026, 10, 23, 12, minutes));

describe.each(TEST_ENGINES)("password sign-in on $engine", ({ open }) => {
  let handle: Awaited<ReturnType<typeof open>>;
  beforeAll(async () => {
    handle = await open();
    await createUser(handle.db, {
      username: "alice",
      displayName: "Alice",
      role: "admin",
      password: "alice-password-1",
    });
    await createUser(handle.db, {
      username: "carol",
      displayName: "Carol",
      role: "viewer",
      password: "carol-password-1",
    });
    await createUser(handle.db, {
      username: "dave",
      displayName: "Dave",
      role: "operator",
      password: "dave-password-12",
    });
  });
  afterAll(() => handle.close());
  const signIn = (username: string, password: string, minute = 0) =>
    signInWithPassword(
      handle.db,
      { username, password },
      { now: at(minute), policy, sourceIp: "203.0.113.7" },
    );

  it("accepts the right password, case-insensitively for the name, and audits it", async () => {
    const result = await signIn(" Alice ", "alice-password-1");
    expect(result).toEqual({ ok: true, user: expect.objectContaining({ username: "alice", role: "admin" }) });
    const { rows } = await queryAuditEvents(
      handle.db,
      auditFilterSchema.parse({ actor: "alice", action: "auth.sign-in" }),
    );
    expect(rows[0]).toMatchObject({ outcome: "success", sourceIp: "203.0.113.7" });
  });

  it("answers the same for a wrong password and an unknown user", async () => {
    expect(await signIn("alice", "nope")).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn("nobody", "nope")).toEqual({ ok: false, reason: "invalid" });
    const { rows } = await queryAuditEvents(handle.db, auditFilterSchema.parse({ outcome: "failure" }));
    expect(rows.map((r) => r.details?.reason)).toEqual(
      expect.arrayContaining(["wrong-password", "unknown-user"]),
    );
  });

  it("locks a name after repeated failures, even for the right password, then lets it in after the lock", async () => {
    expect(await signIn("carol", "bad", 1)).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn("carol", "bad", 2)).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn("carol", "bad", 3)).toEqual({ ok: false, reason: "throttled" });
    expect(await signIn("carol", "carol-password-1", 4)).toEqual({ ok: false, reason: "throttled" });
    expect((await signIn("carol", "carol-password-1", 19)).ok).toBe(true);
  });

  it("throttles unknown names exactly like real ones", async () => {
    for (const minute of [1, 2])
      expect(await signIn("ghost", "x", minute)).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn("ghost", "x", 3)).toEqual({ ok: false, reason: "throttled" });
  });

  it("refuses a disabled account with the generic answer", async () => {
    const { rows } = await queryAuditEvents(handle.db, auditFilterSchema.parse({ actor: "dave" }));
    expect(rows).toHaveLength(0);
    const dave = await signIn("dave", "dave-password-12", 30);
    expect(dave.ok).toBe(true);
    await setUserDisabled(handle.db, dave.ok ? dave.user.id : "", true);
    expect(await signIn("dave", "dave-password-12", 31)).toEqual({ ok: false, reason: "invalid" });
  });
});
