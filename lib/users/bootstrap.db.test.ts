import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { openDatabase } from "@/lib/db/client";
import { auditEvents, users } from "@/lib/db/schema";
import { TEST_ENGINES, openTestPostgres } from "@/lib/testing/databases";
import { bootstrapFirstAdmin } from "./bootstrap";
import { createUser } from "./data";

const PASSWORD = "first-admin-Pa55word";
let folder: string;
beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), "trustdeck-bootstrap-"));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function passwordFile(content: string): string {
  const file = path.join(folder, `${crypto.randomUUID()}.txt`);
  writeFileSync(file, content, { mode: 0o600 });
  return file;
}

describe.each(TEST_ENGINES)("first admin from the settings on $engine", ({ open }) => {
  let handle: Awaited<ReturnType<typeof open>>;
  beforeAll(async () => {
    handle = await open();
  });
  afterAll(() => handle.close());
  afterEach(async () => {
    // Each case starts from an empty users table (the audit log is append-only and stays).
    await handle.db.delete(users);
  });

  it("creates exactly one admin in an empty database, audited, with the file's password", async () => {
    const result = await bootstrapFirstAdmin(handle.db, {
      username: " Alice@Example.com ",
      passwordFile: passwordFile(`${PASSWORD}\n`), // `echo … > file` leaves a line break
    });
    expect(result).toEqual({ outcome: "created", username: "alice@example.com" });
    const rows = await handle.db.select().from(users);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ username: "alice@example.com", role: "admin", disabled: false });
    expect(await verifyPassword(PASSWORD, rows[0]!.passwordHash!)).toBe(true);
    const [audit] = await handle.db.select().from(auditEvents).where(eq(auditEvents.targetId, rows[0]!.id));
    expect(audit).toMatchObject({ actorName: "bootstrap", action: "user.create", outcome: "success" });
    expect(JSON.stringify(audit)).not.toContain(PASSWORD);
  });

  it("does nothing when a user exists, without reading the password file", async () => {
    await createUser(handle.db, {
      username: "someone",
      displayName: "Someone",
      role: "viewer",
      password: "someone-password",
    });
    const result = await bootstrapFirstAdmin(handle.db, {
      username: "alice",
      passwordFile: path.join(folder, "deleted-after-first-start.txt"),
    });
    expect(result).toEqual({ outcome: "users-exist" });
    expect((await handle.db.select().from(users)).map((u) => u.username)).toEqual(["someone"]);
  });

  it("creates one admin when several starts race on an empty database", async () => {
    const file = passwordFile(PASSWORD);
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        bootstrapFirstAdmin(handle.db, { username: "alice", passwordFile: file }),
      ),
    );
    expect(results.filter((r) => r.outcome === "created")).toHaveLength(1);
    expect(results.filter((r) => r.outcome === "users-exist")).toHaveLength(4);
    expect(await handle.db.select().from(users)).toHaveLength(1);
  });

  it("refuses bad settings, creating no one and never repeating the password", async () => {
    const cases = [
      { settings: { username: "alice" }, problem: /both/ },
      { settings: { passwordFile: passwordFile(PASSWORD) }, problem: /both/ },
      { settings: { username: "alice", passwordFile: path.join(folder, "missing.txt") }, problem: /ENOENT/ },
      { settings: { username: "alice", passwordFile: passwordFile("short-pw") }, problem: /at least 12/ },
      { settings: { username: "-bad name", passwordFile: passwordFile(PASSWORD) }, problem: /USERNAME/ },
    ];
    for (const { settings, problem } of cases) {
      const result = await bootstrapFirstAdmin(handle.db, settings);
      expect(result.outcome, JSON.stringify(settings)).toBe("refused");
      const text = JSON.stringify(result);
      expect(text).toMatch(problem);
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain("short-pw");
    }
    expect(await handle.db.select().from(users)).toHaveLength(0);
    expect(await bootstrapFirstAdmin(handle.db, {})).toEqual({ outcome: "not-configured" });
  });
});

describe("first admin from the settings, several instances on one PostgreSQL", () => {
  it("instances starting at once (separate connections) create one admin", async () => {
    const main = await openTestPostgres();
    const others = await Promise.all(
      Array.from({ length: 3 }, () => openDatabase({ databaseUrl: main.url, pgliteDir: "unused" })),
    );
    try {
      const file = passwordFile(PASSWORD);
      const results = await Promise.all(
        [main, ...others].map((h) => bootstrapFirstAdmin(h.db, { username: "alice", passwordFile: file })),
      );
      expect(results.map((r) => r.outcome).sort()).toEqual([
        "created",
        "users-exist",
        "users-exist",
        "users-exist",
      ]);
      expect(await main.db.select().from(users)).toHaveLength(1);
      const audits = await main.db.select().from(auditEvents).where(eq(auditEvents.actorName, "bootstrap"));
      expect(audits).toHaveLength(1);
    } finally {
      await Promise.all(others.map((h) => h.close()));
      await main.close();
    }
  });
});
