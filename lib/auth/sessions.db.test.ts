import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_ENGINES } from "@/lib/testing/databases";
import { changeUserRole, createUser, setUserDisabled } from "@/lib/users/data";
import { checkSession, revokeSession, startSession } from "./sessions";

const policy = { maxAgeMs: 8 * 3_600_000, idleMs: 30 * 60_000 };
const at = (minutes: number) => new Date(Date.UTC(2026, 10, 23, 8, 0) + minutes * 60_000);

describe.each(TEST_ENGINES)("server-side sessions on $engine", ({ open }) => {
  let handle: Awaited<ReturnType<typeof open>>;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    handle = await open();
    for (const [username, role] of [
      ["admin1", "admin"],
      ["admin2", "admin"],
      ["olly", "operator"],
    ] as const)
      ids[username] = (
        await createUser(handle.db, {
          username,
          displayName: username,
          role,
          password: `${username}-password`,
        })
      ).id;
  });
  afterAll(() => handle.close());
  const check = (sid: string | undefined, user: string, minute: number, p = policy) =>
    checkSession(handle.db, sid, ids[user]!, at(minute), p);

  it("is valid while used, and ends after the idle timeout", async () => {
    const sid = await startSession(handle.db, ids.olly!, at(0), policy);
    expect(await check(sid, "olly", 20)).toEqual({ ok: true });
    expect(await check(sid, "olly", 45)).toEqual({ ok: true }); // 25 minutes after the last use
    expect(await check(sid, "olly", 76)).toEqual({ ok: false, reason: "idle" });
  });

  it("ends at its absolute lifetime however busy it is", async () => {
    const sid = await startSession(handle.db, ids.olly!, at(0), policy);
    for (let minute = 20; minute < 480; minute += 20)
      expect(await check(sid, "olly", minute), `minute ${minute}`).toEqual({ ok: true });
    expect(await check(sid, "olly", 480)).toEqual({ ok: false, reason: "expired" });
    // A shorter setting applies to sessions already open.
    const other = await startSession(handle.db, ids.olly!, at(0), policy);
    expect(await check(other, "olly", 61, { ...policy, maxAgeMs: 3_600_000 })).toMatchObject({ ok: false });
  });

  it("refuses a session id of another user, an unknown id and a missing one", async () => {
    const sid = await startSession(handle.db, ids.olly!, at(0), policy);
    expect(await check(sid, "admin1", 1)).toEqual({ ok: false, reason: "unknown" });
    expect(await check(crypto.randomUUID(), "olly", 1)).toEqual({ ok: false, reason: "unknown" });
    expect(await check(undefined, "olly", 1)).toEqual({ ok: false, reason: "unknown" });
    expect(await check("' or 1=1 --", "olly", 1)).toEqual({ ok: false, reason: "unknown" });
  });

  it("sign-out ends that session only", async () => {
    const a = await startSession(handle.db, ids.olly!, at(0), policy);
    const b = await startSession(handle.db, ids.olly!, at(0), policy);
    await revokeSession(handle.db, a, "sign-out");
    expect(await check(a, "olly", 1)).toEqual({ ok: false, reason: "revoked" });
    expect(await check(b, "olly", 1)).toEqual({ ok: true });
  });

  it("a role change and disabling the account end every session of that user", async () => {
    const before = [
      await startSession(handle.db, ids.olly!, at(0), policy),
      await startSession(handle.db, ids.olly!, at(0), policy),
    ];
    const bystander = await startSession(handle.db, ids.admin1!, at(0), policy);
    await changeUserRole(handle.db, ids.olly!, "viewer");
    for (const sid of before) expect(await check(sid, "olly", 1)).toEqual({ ok: false, reason: "revoked" });
    expect(await check(bystander, "admin1", 1)).toEqual({ ok: true });

    const later = await startSession(handle.db, ids.admin2!, at(0), policy);
    await setUserDisabled(handle.db, ids.admin2!, true);
    expect(await check(later, "admin2", 1)).toEqual({ ok: false, reason: "revoked" });
  });
});
