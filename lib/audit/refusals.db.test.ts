// Audit completeness: every refused or failed attempt by a signed-in user leaves exactly one
// audit row with its outcome and code, and never the secret that was typed.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createServer, type Server } from "node:http";
import { randomBytes } from "node:crypto";
import { desc, sql } from "drizzle-orm";
import { openDatabase } from "@/lib/db/client";
import type { Database } from "@/lib/db/client";
import { auditEvents } from "@/lib/db/schema";
import type { Actor } from "@/lib/auth/session";
import { queryRows } from "./verify";

const state = vi.hoisted(() => ({ actor: null as Actor | null, db: null as Database | null }));
vi.mock("@/lib/auth/session", () => ({ currentActor: async () => state.actor }));
vi.mock("@/lib/db/get-db", () => ({ getDb: async () => state.db }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
process.env.TRUSTDECK_ENCRYPTION_KEY = randomBytes(32).toString("base64url");

const { createUserAction, changeUserRoleAction } = await import("@/app/(dashboard)/users/actions");
const { createConnectionAction, updateConnectionAction } =
  await import("@/app/(dashboard)/connections/actions");
const { runCertificateActionAction } = await import("@/app/(dashboard)/certificates/actions");

const SECRET = "tok-SUPER-SECRET-VALUE-0123456789";
const admin: Actor = { id: crypto.randomUUID(), name: "Ada", username: "ada", role: "admin" };

let handle: Awaited<ReturnType<typeof openDatabase>>;
let deadVendor: Server;
let deadUrl: string;

async function auditRows() {
  return handle.db.select().from(auditEvents).orderBy(desc(auditEvents.id));
}

/** Run `attempt` and return the audit rows it added. */
async function rowsAddedBy(attempt: () => Promise<unknown>) {
  const before = (await auditRows()).length;
  const result = await attempt();
  const rows = await auditRows();
  return { result, added: rows.slice(0, rows.length - before) };
}

beforeAll(async () => {
  handle = await openDatabase({ pgliteDir: "memory://" });
  state.db = handle.db;
  // A "vendor" that answers every request with HTTP 503: reading the set before a write fails.
  deadVendor = createServer((_req, res) => res.writeHead(503).end("down"));
  await new Promise<void>((resolve) => deadVendor.listen(0, "127.0.0.1", resolve));
  const address = deadVendor.address();
  deadUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  // A custom vendor host: connections may point at it only because the server setting names it.
  process.env.TRUSTDECK_CUSTOM_VENDOR_HOSTS = new URL(deadUrl).host;
});
afterAll(async () => {
  await handle.close();
  await new Promise((resolve) => deadVendor.close(resolve));
});
beforeEach(() => {
  state.actor = admin;
});

const cloudflare = (name: string, baseUrl = "https://api.cloudflare.com/client/v4") => ({
  vendor: "cloudflare" as const,
  name,
  baseUrl,
  accountId: "0123456789abcdef0123456789abcdef",
  apiToken: SECRET,
});

describe("every refused or failed attempt leaves exactly one audit row", () => {
  it("invalid input: denied, with the invalid field names and no value", async () => {
    const { result, added } = await rowsAddedBy(() =>
      createConnectionAction({ ...cloudflare("x"), accountId: "not-hex" }),
    );
    expect(result).toMatchObject({ ok: false, code: "invalid-input" });
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      action: "connection.create",
      outcome: "denied",
      actorName: "Ada",
      targetLabel: "x",
      details: { refused: "invalid-input", kind: "input", fields: ["accountId"] },
    });
    expect(JSON.stringify(added)).not.toContain(SECRET);
  });

  it("wrong shapes (array, string, null, huge) are refused as invalid input, each audited once", async () => {
    for (const raw of [[1, 2], "name", null, 42, { vendor: "cloudflare", name: "n".repeat(900_000) }]) {
      const { result, added } = await rowsAddedBy(() => createConnectionAction(raw as never));
      expect(result).toMatchObject({ ok: false, code: "invalid-input" });
      expect(added).toHaveLength(1);
      expect(added[0]!.outcome).toBe("denied");
      expect((added[0]!.targetLabel ?? "").length).toBeLessThanOrEqual(200);
    }
  });

  it("duplicate name: denied with name-taken", async () => {
    expect(await createConnectionAction(cloudflare("Prod"))).toMatchObject({ ok: true });
    const { result, added } = await rowsAddedBy(() => createConnectionAction(cloudflare("Prod")));
    expect(result).toMatchObject({ ok: false, code: "name-taken" });
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      outcome: "denied",
      details: { refused: "name-taken", kind: "conflict" },
    });
    expect(JSON.stringify(added)).not.toContain(SECRET);
  });

  it("business rule (last admin): denied with last-admin", async () => {
    const created = await createUserAction({
      username: "root",
      displayName: "Root",
      role: "admin",
      password: "a-long-password-1",
    });
    if (!created.ok) throw new Error(created.message);
    const { result, added } = await rowsAddedBy(() =>
      changeUserRoleAction({ userId: created.data.id, role: "viewer" }),
    );
    expect(result).toMatchObject({ ok: false, code: "last-admin" });
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      action: "user.change-role",
      outcome: "denied",
      targetId: created.data.id,
      details: { refused: "last-admin" },
    });
  });

  it("vendor failure while reading before a write: failure", async () => {
    const created = await createConnectionAction(cloudflare("Down", deadUrl));
    if (!created.ok) throw new Error(created.message);
    const { result, added } = await rowsAddedBy(() =>
      runCertificateActionAction({ action: "rotate", connectionId: created.data.id, setId: "app-1" }),
    );
    expect(result).toMatchObject({ ok: false });
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      action: "certificate.change",
      outcome: "failure",
      targetId: created.data.id,
      details: { kind: "vendor" },
    });
    expect(JSON.stringify(added)).not.toContain(SECRET);
  });

  it("a destination changed without the secret: denied with secret-required, naming the field", async () => {
    const created = await createConnectionAction(cloudflare("Moved"));
    if (!created.ok) throw new Error(created.message);
    const { result, added } = await rowsAddedBy(() =>
      updateConnectionAction({ ...cloudflare("Moved", deadUrl), id: created.data.id, apiToken: "" }),
    );
    expect(result).toMatchObject({
      ok: false,
      code: "secret-required",
      message: expect.stringMatching(/^The API base URL changes where the stored API token would be sent/),
      fieldErrors: { apiToken: [expect.any(String)] },
    });
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      action: "connection.update",
      outcome: "denied",
      details: { refused: "secret-required", kind: "input" },
    });
    const host = await rowsAddedBy(() =>
      createConnectionAction(cloudflare("Elsewhere", "https://api.cloudflare.example/client/v4")),
    );
    expect(host.result).toMatchObject({ ok: false, code: "destination-refused" });
    expect(host.added[0]).toMatchObject({ outcome: "denied", details: { refused: "destination-refused" } });
    expect(JSON.stringify([added, host.added])).not.toContain(SECRET);
  });

  it("role refusal: denied once", async () => {
    state.actor = { ...admin, role: "viewer" };
    const { added } = await rowsAddedBy(() => createConnectionAction(cloudflare("Nope")));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ outcome: "denied", details: { refused: "forbidden" } });
  });

  it("a success is recorded once, with secrets as changed / unchanged", async () => {
    const created = await createConnectionAction(cloudflare("Stage"));
    if (!created.ok) throw new Error(created.message);
    const update = (apiToken: string) =>
      rowsAddedBy(() => updateConnectionAction({ ...cloudflare("Stage"), id: created.data.id, apiToken }));
    const kept = await update("");
    expect(kept.added).toHaveLength(1);
    expect(kept.added[0]).toMatchObject({
      outcome: "success",
      details: { secrets: { apiToken: "unchanged" }, after: { secrets: { apiToken: "set" } } },
    });
    const replaced = await update(`${SECRET}-2`);
    expect(replaced.added[0]).toMatchObject({ details: { secrets: { apiToken: "changed" } } });
    expect(JSON.stringify([kept.added, replaced.added])).not.toContain(SECRET);
  });

  it("no audit row anywhere holds the secret", async () => {
    const all = await queryRows(handle.db, sql`SELECT details::text AS d FROM audit_events`);
    expect(all.length).toBeGreaterThan(8);
    expect(JSON.stringify(all)).not.toContain(SECRET);
  });
});
