import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_ENGINES } from "@/lib/testing/databases";
import { changeUserRole, createUser, listUsers, setUserDisabled } from "./data";

describe.each(TEST_ENGINES)("users on $engine", ({ open }) => {
  let handle: Awaited<ReturnType<typeof open>>;
  beforeAll(async () => {
    handle = await open();
  });
  afterAll(() => handle.close());

  it("creates users without exposing the hash, and refuses a duplicate name", async () => {
    const admin = await createUser(handle.db, {
      username: "root",
      displayName: "Root",
      role: "admin",
      password: "root-password-1",
    });
    expect(admin).not.toHaveProperty("passwordHash");
    await expect(
      createUser(handle.db, {
        username: "root",
        displayName: "Again",
        role: "viewer",
        password: "another-password",
      }),
    ).rejects.toMatchObject({ code: "username-taken" });
    const listed = await listUsers(handle.db);
    expect(listed.map((u) => u.username)).toEqual(["root"]);
    expect(JSON.stringify(listed)).not.toContain("scrypt");
  });

  it("never leaves the system without an active admin", async () => {
    const [root] = await listUsers(handle.db);
    await expect(changeUserRole(handle.db, root!.id, "viewer")).rejects.toMatchObject({ code: "last-admin" });
    await expect(setUserDisabled(handle.db, root!.id, true)).rejects.toMatchObject({ code: "last-admin" });
    const second = await createUser(handle.db, {
      username: "second",
      displayName: "Second",
      role: "operator",
      password: "second-password",
    });
    const promoted = await changeUserRole(handle.db, second.id, "admin");
    expect(promoted.before).toBe("operator");
    expect((await changeUserRole(handle.db, root!.id, "viewer")).user.role).toBe("viewer");
    expect((await setUserDisabled(handle.db, second.id, false)).disabled).toBe(false);
  });
});
