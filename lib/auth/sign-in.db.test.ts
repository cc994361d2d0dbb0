import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_ENGINES } from "@/lib/testing/databases";
import { createUser, setUserDisabled } from "@/lib/users/data";
import { queryAuditEvents } from "@/lib/audit/query";
import { auditFilterSchema } from "@/lib/audit/schemas";
import { signInWithPassword } from "./sign-in";
import { unlockUsername } from "./throttle";

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
    for (const username of ["erin", "frank", "grace"])
      await createUser(handle.db, {
        username,
        displayName: username,
        role: "admin",
        password: `${username}-password-1`,
      });
    await createUser(handle.db, {
      username: "dave",
      displayName: "Dave",
      role: "operator",
      password: "dave-password-12",
    });
  });
  afterAll(() => handle.close());
  const signIn = (username: string, password: string, minute = 0, sourceIp = "203.0.113.7") =>
    signInWithPassword(handle.db, { username, password }, { now: at(minute), policy, sourceIp });
  const reasons = async (username: string) => {
    const { rows } = await queryAuditEvents(
      handle.db,
      auditFilterSchema.parse({ actor: username, action: "auth.sign-in" }),
    );
    return rows.map((r) => String(r.details?.reason));
  };

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

  it("evaluates at most the allowed number of passwords when 25 attempts arrive at once", async () => {
    // 20 wrong passwords and 5 right ones, all in flight together, from a new address.
    const attempts = Array.from({ length: 25 }, (_, i) =>
      signIn("erin", i % 5 === 4 ? "erin-password-1" : `wrong-${i}`, 40, "198.51.100.20"),
    );
    const results = await Promise.all(attempts);
    const evaluated = (await reasons("erin")).filter((r) => r !== "throttled");
    expect(evaluated.length).toBeLessThanOrEqual(policy.maxFailures);
    expect(results.filter((r) => r.ok).length).toBeLessThanOrEqual(1);
    expect(results.filter((r) => !r.ok && r.reason === "throttled").length).toBeGreaterThanOrEqual(
      25 - policy.maxFailures,
    );
  });

  it("25 concurrent wrong passwords lock the name: the right one is then refused", async () => {
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) => signIn("frank", `wrong-${i}`, 41, "198.51.100.21")),
    );
    expect(results.every((r) => !r.ok)).toBe(true);
    expect((await reasons("frank")).filter((r) => r === "wrong-password")).toHaveLength(policy.maxFailures);
    expect(await signIn("frank", "frank-password-1", 42, "198.51.100.22")).toEqual({
      ok: false,
      reason: "throttled",
    });
  });

  it("an attacker elsewhere cannot lock an admin out of an address they signed in from before", async () => {
    expect((await signIn("grace", "grace-password-1", 50, "192.0.2.10")).ok).toBe(true);
    for (const minute of [51, 52, 53, 54]) await signIn("grace", "guess", minute, "198.51.100.66");
    expect(await signIn("grace", "grace-password-1", 55, "198.51.100.67")).toEqual({
      ok: false,
      reason: "throttled",
    });
    // Her own address passes the username lock...
    expect((await signIn("grace", "grace-password-1", 55, "192.0.2.10")).ok).toBe(true);
    // ...but guesses from that address are throttled there too.
    for (const minute of [56, 57]) await signIn("grace", "guess", minute, "192.0.2.10");
    expect(await signIn("grace", "guess", 58, "192.0.2.10")).toEqual({ ok: false, reason: "throttled" });
    expect(await signIn("grace", "grace-password-1", 58, "192.0.2.10")).toEqual({
      ok: false,
      reason: "throttled",
    });
  });

  it("the command-line unlock clears every bucket of a name", async () => {
    expect(await unlockUsername(handle.db, "grace")).toBeGreaterThanOrEqual(2);
    expect((await signIn("grace", "grace-password-1", 59, "198.51.100.67")).ok).toBe(true);
    expect(await unlockUsername(handle.db, "gr%")).toBe(0);
  });
});
