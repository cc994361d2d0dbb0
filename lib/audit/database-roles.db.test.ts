// The documented least-privilege setup (docs/database-roles.sql), run on the embedded PostgreSQL:
// the app's role can read and append to the audit log but not rewrite it, and everything else works.
import { readFileSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { Client } from "pg";
import { sql } from "drizzle-orm";
import { openDatabase } from "@/lib/db/client";
import { changeUserRole, createUser, setUserDisabled } from "@/lib/users/data";
import { createConnection, deleteConnection, updateConnection } from "@/lib/connections/data";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { checkReadiness } from "@/lib/health/readiness";
import { recordAudit } from "./record";
import { queryRows, verifyAuditChain } from "./verify";

const suffix = randomBytes(4).toString("hex");
const names = { owner: `td_owner_${suffix}`, app: `td_app_${suffix}`, database: `td_roles_${suffix}` };

/** The documented SQL with this run's names, as [superuser part, owner part] statement lists. */
function documentedSql(): [string[], string[]] {
  const text = readFileSync(path.join(process.cwd(), "docs/database-roles.sql"), "utf8")
    .replace(/\btrustdeck_owner\b/g, names.owner)
    .replace(/\btrustdeck_app\b/g, names.app)
    .replace(/\bDATABASE trustdeck\b/g, `DATABASE ${names.database}`);
  const [, part1 = "", part2 = ""] = text.split(/^-- ==== Part \d.*$/m);
  return [statements(part1), statements(part2)];
}

/** Split on `;` at the end of a line, outside `$$` bodies. */
function statements(text: string): string[] {
  const out: string[] = [];
  let current = "";
  for (const line of text.split("\n")) {
    if (/^\s*--/.test(line) && !current.includes("$$")) continue;
    current += `${line}\n`;
    const inBody = (current.match(/\$\$/g) ?? []).length % 2 === 1;
    if (!inBody && line.trimEnd().endsWith(";")) {
      out.push(current.trim());
      current = "";
    }
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

const adminUrl = () => new URL(inject("postgresAdminUrl"));
function urlFor(role: "owner" | "app") {
  const url = adminUrl();
  url.username = names[role];
  url.password = role === "owner" ? "change-me-owner" : "change-me-app";
  url.pathname = `/${names.database}`;
  return url.toString();
}

async function runAs(url: string, list: string[]) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    for (const statement of list) await client.query(statement);
  } finally {
    await client.end();
  }
}

describe("least-privilege database roles (docs/database-roles.sql)", () => {
  let handle: Awaited<ReturnType<typeof openDatabase>>;
  let app: Client;

  beforeAll(async () => {
    const [asSuperuser, asOwner] = documentedSql();
    expect(asSuperuser.length).toBeGreaterThan(3);
    expect(asOwner.length).toBeGreaterThan(5);
    await runAs(adminUrl().toString(), asSuperuser);
    await runAs(urlFor("owner"), asOwner);
    handle = await openDatabase({
      databaseUrl: urlFor("app"),
      migrationUrl: urlFor("owner"),
      pgliteDir: "unused",
    });
    app = new Client({ connectionString: urlFor("app") });
    await app.connect();
  });

  afterAll(async () => {
    await app?.end();
    await handle?.close();
    const admin = new Client({ connectionString: adminUrl().toString() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${names.database} WITH (FORCE)`);
    await admin.query(`DROP ROLE IF EXISTS ${names.app}`);
    await admin.query(`DROP ROLE IF EXISTS ${names.owner}`);
    await admin.end();
  });

  it("the app role is neither the owner nor a superuser", async () => {
    const [who] = (
      await app.query("SELECT current_user AS u, usesuper FROM pg_user WHERE usename = current_user")
    ).rows as { u: string; usesuper: boolean }[];
    expect(who).toEqual({ u: names.app, usesuper: false });
    const [owner] = (await app.query("SELECT tableowner FROM pg_tables WHERE tablename = 'audit_events'"))
      .rows;
    expect(owner).toEqual({ tableowner: names.owner });
  });

  it("appends to and reads the audit log, and the chain holds", async () => {
    await recordAudit(handle.db, {
      actor: { id: null, name: "app", role: null },
      action: "t.insert",
      outcome: "success",
    });
    const rows = await queryRows<{ action: string }>(handle.db, sql`SELECT action FROM audit_events`);
    expect(rows.map((r) => r.action)).toContain("t.insert");
    expect((await verifyAuditChain(handle.db)).ok).toBe(true);
  });

  it.each([
    ["UPDATE", "UPDATE audit_events SET outcome = 'success'"],
    ["DELETE", "DELETE FROM audit_events"],
    ["TRUNCATE", "TRUNCATE audit_events"],
    ["ALTER TABLE", "ALTER TABLE audit_events ADD COLUMN x int"],
    ["DISABLE TRIGGER", "ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only"],
    ["DISABLE TRIGGER ALL", "ALTER TABLE audit_events DISABLE TRIGGER ALL"],
    ["DROP TABLE", "DROP TABLE audit_events"],
    ["rewrite the chain head", "UPDATE audit_chain_head SET seq = 0"],
    [
      "replace the chain function",
      "CREATE OR REPLACE FUNCTION trustdeck_audit_chain() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END'",
    ],
    [
      "create a trigger",
      "CREATE TRIGGER t BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION trustdeck_audit_chain()",
    ],
    ["revert to session_replication_role", "SET session_replication_role = replica"],
  ])("refuses %s as the app role", async (_label, statement) => {
    // Refused by privileges, not by the append-only trigger (whose message names "append-only").
    await expect(app.query(statement)).rejects.toMatchObject({
      code: "42501",
      message: expect.stringMatching(/permission denied|must be owner/),
    });
    expect((await verifyAuditChain(handle.db)).ok).toBe(true);
  });

  it("the app's normal operations work as the app role", async () => {
    const user = await createUser(handle.db, {
      username: "alice",
      displayName: "Alice",
      role: "admin",
      password: "a-long-password-1",
    });
    await createUser(handle.db, {
      username: "bob",
      displayName: "Bob",
      role: "admin",
      password: "a-long-password-2",
    });
    await changeUserRole(handle.db, user.id, "operator");
    await setUserDisabled(handle.db, user.id, true);
    const policy = { maxFailures: 5, lockMinutes: 15 };
    const signIn = await signInWithPassword(
      handle.db,
      { username: "bob", password: "wrong-password-x" },
      { now: new Date(), policy },
    );
    expect(signIn.ok).toBe(false);
    const key = new Uint8Array(randomBytes(32));
    const input = {
      vendor: "cloudflare" as const,
      name: "Prod",
      baseUrl: "https://api.cloudflare.com/client/v4",
      accountId: "0123456789abcdef0123456789abcdef",
      apiToken: "token-1",
    };
    const connection = await createConnection(handle.db, key, input);
    await updateConnection(handle.db, key, { ...input, id: connection.id, name: "Prod 2" });
    await deleteConnection(handle.db, connection.id);
    const readiness = await checkReadiness(async () => handle.db, "off");
    expect(readiness.checks).toMatchObject({ database: "ok", migrations: "applied" });
    expect((await verifyAuditChain(handle.db)).ok).toBe(true);
  });
});
