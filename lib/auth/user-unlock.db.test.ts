import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestPostgres } from "@/lib/testing/databases";
import { createUser } from "@/lib/users/data";
import { signInWithPassword } from "./sign-in";

// The break-glass path: a locked-out admin is unlocked from the command line, in a second
// process, against the same PostgreSQL database.

const run = promisify(execFile);
const policy = { maxFailures: 2, lockMinutes: 60 };

describe("npm run user:unlock", () => {
  let handle: Awaited<ReturnType<typeof openTestPostgres>>;
  beforeAll(async () => {
    handle = await openTestPostgres();
    await createUser(handle.db, {
      username: "root",
      displayName: "Root",
      role: "admin",
      password: "root-password-1",
    });
  });
  afterAll(() => handle.close());

  const signIn = (password: string, sourceIp: string) =>
    signInWithPassword(handle.db, { username: "root", password }, { now: new Date(), policy, sourceIp });

  it("lets a locked-out admin in again", async () => {
    for (const ip of ["198.51.100.1", "198.51.100.2", "198.51.100.3"]) await signIn("guess", ip);
    expect(await signIn("root-password-1", "192.0.2.1")).toEqual({ ok: false, reason: "throttled" });

    const { stdout } = await run(
      "npx",
      ["tsx", "--conditions=react-server", "scripts/user-unlock.ts", "--username", "ROOT"],
      {
        env: { ...process.env, DATABASE_URL: handle.url },
      },
    );
    expect(stdout).toMatch(/Unlocked root: \d+ throttle record/);
    expect((await signIn("root-password-1", "192.0.2.1")).ok).toBe(true);
  });

  it("refuses to run without a username", async () => {
    await expect(
      run("npx", ["tsx", "--conditions=react-server", "scripts/user-unlock.ts"], {
        env: { ...process.env, DATABASE_URL: handle.url },
      }),
    ).rejects.toMatchObject({ code: 2 });
  });
});
