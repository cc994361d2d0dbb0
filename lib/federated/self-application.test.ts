import { rootCertificates } from "node:tls";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { highSignalReason } from "@/lib/audit/signal";
import { queryRows, verifyAuditChain } from "@/lib/audit/verify";
import type { Actor } from "@/lib/auth/session";
import { openDatabase } from "@/lib/db/client";
import { parseAllowList } from "@/lib/net/allow-list";
import { sandboxFixture, testHttp } from "@/lib/vendors/testing/sandbox-fixture";
import { createUiPathAdapter } from "@/lib/vendors/uipath/adapter";
import { TokenCache } from "@/lib/vendors/uipath/auth";
import type { UiPathConnection } from "./read";

// The self-application guard, through the server action as a browser (or a hand-made request)
// reaches it: session, Origin, schema, then lib/federated against the sandbox, with a real
// (in-memory) database so the audit rows and their hash chain are the real ones.

const sb = sandboxFixture();
const state = vi.hoisted(() => ({
  db: undefined as unknown,
  conn: undefined as unknown,
  preflight: undefined as unknown,
  ops: undefined as unknown,
  actor: { id: null, name: "Olga", username: "olga", role: "operator" } as unknown as Actor,
}));
vi.mock("@/lib/auth/session", () => ({ currentActor: async () => state.actor }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "trustdeck.test", origin: "http://trustdeck.test" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("@/lib/db/get-db", () => ({ getDb: async () => state.db }));
vi.mock("@/lib/secrets/key", () => ({ encryptionKey: () => new Uint8Array(32) }));
vi.mock("@/lib/federated/data", () => ({
  loadUipathConnection: async () => ({ ok: true, conn: state.conn }),
}));
vi.mock("@/lib/federated/preflight-config", () => ({ preflightOptions: () => state.preflight }));
vi.mock("@/lib/federated/read", async (importOriginal) => ({
  ...(await importOriginal<typeof import("./read")>()),
  uipathFederatedOps: () => state.ops,
}));

const { createFederatedCredentialAction, updateFederatedCredentialAction } =
  await import("@/app/(dashboard)/federated-credentials/actions");
const { readConnectionFederation } = await import("./read");

let database: Awaited<ReturnType<typeof openDatabase>>;
beforeAll(async () => {
  database = await openDatabase({ pgliteDir: "memory://" });
  state.db = database.db;
}, 30_000);
afterAll(() => database.close());

const AUD = "https://cloud.uipath.com/contoso";
const CONNECTION_ID = "4b0c1f3e-8f5e-4a8e-9c39-2a6b1f7d9e10";
const CREDENTIALS = /\/FederatedCredentials$/;
let conn: UiPathConnection;
beforeEach(() => {
  // A connection id as the database holds it (a uuid): after each write the action reads the
  // connection's credentials again into the inventory, keyed by it.
  conn = { ...sb.conn("uipath", "Contoso"), id: CONNECTION_ID };
  state.conn = conn;
  state.ops = createUiPathAdapter({ tokens: new TokenCache(), http: testHttp() }).federatedCredentials;
  state.preflight = {
    allow: parseAllowList("localhost"),
    timeoutMs: 15_000, // generous for a busy machine
    maxBytes: 512 * 1024,
    ca: [...rootCertificates, sb.sandbox.caPem],
  };
});

function credential(clientId: string, extra: Record<string, unknown> = {}) {
  return {
    connectionId: CONNECTION_ID,
    clientId,
    name: "ci escalation",
    issuer: sb.sandbox.urls.issuers["github-actions"] ?? "",
    audience: AUD,
    subject: "repo:contoso/robots:ref:refs/heads/main",
    ...extra,
  };
}

type Row = { action: string; outcome: string; details: Record<string, unknown> | null };
async function auditRows(): Promise<Row[]> {
  return queryRows<Row>(
    database.db,
    sql`SELECT action, outcome, details FROM audit_events ORDER BY chain_seq`,
  );
}

describe("a federated credential on the application Trustdeck connects with", () => {
  it("is marked on read: only the connection's own application is usedByTrustdeck", async () => {
    const federation = await readConnectionFederation(conn, state.ops as never);
    const own = federation.apps.filter((a) => a.usedByTrustdeck);
    expect(own.map((a) => a.clientId)).toEqual([conn.clientId]);
    expect(own[0]?.name).toBe("Trustdeck");
  });

  it("is refused without the acknowledgement, in every notation of 'not given', audited high-signal, nothing sent", async () => {
    const before = (await auditRows()).length;
    for (const ack of [undefined, false]) {
      const result = await createFederatedCredentialAction(
        credential(conn.clientId, ack === undefined ? {} : { acknowledgeSelfApplication: ack }),
      );
      expect(result).toMatchObject({
        ok: false,
        code: "acknowledgement-required",
        message: expect.stringContaining("Trustdeck's admin rights at UiPath"),
        fieldErrors: { acknowledgeSelfApplication: [expect.any(String)] },
      });
    }
    // Not a boolean: the schema refuses it before anything runs (and that is audited too).
    const stringy = await createFederatedCredentialAction(
      credential(conn.clientId, { acknowledgeSelfApplication: "true" }) as never,
    );
    expect(stringy).toMatchObject({ ok: false, code: "invalid-input" });
    expect(await sb.count("uipath", "POST", CREDENTIALS)).toBe(0);

    const rows = (await auditRows()).slice(before);
    expect(rows).toHaveLength(3);
    for (const row of rows.slice(0, 2)) {
      expect(row).toMatchObject({ action: "federated-credential.create", outcome: "denied" });
      expect(row.details).toMatchObject({ reason: "acknowledgement-required", acknowledged: false });
      expect(highSignalReason(row.details)).toBe("self-application");
    }
    expect(rows[2]).toMatchObject({ outcome: "denied", details: { refused: "invalid-input" } });
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
  });

  it("is created with the acknowledgement; intent and outcome are audited high-signal, the chain holds", async () => {
    const before = (await auditRows()).length;
    const result = await createFederatedCredentialAction(
      credential(conn.clientId, { acknowledgeSelfApplication: true }),
    );
    expect(result).toMatchObject({ ok: true, data: { credential: { name: "ci escalation" } } });
    expect(await sb.count("uipath", "POST", CREDENTIALS)).toBe(1);
    const rows = (await auditRows()).slice(before);
    expect(rows.map((r) => [r.action, r.outcome])).toEqual([
      ["federated-credential.create", "pending"],
      ["federated-credential.create", "success"],
    ]);
    for (const row of rows) {
      expect(highSignalReason(row.details)).toBe("self-application");
      expect(row.details).toMatchObject({ acknowledged: true, clientId: conn.clientId });
    }
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });

    // The list page reads the inventory: the new credential is in it at once, on its application.
    const id = result.ok ? result.data.credential.id : "";
    const listed = await queryRows<{ client_id: string; name: string }>(
      database.db,
      sql`SELECT client_id, name FROM inventory_federated_credentials
          WHERE connection_id = ${CONNECTION_ID} AND credential_id = ${id} AND gone_at IS NULL`,
    );
    expect(listed).toEqual([{ client_id: conn.clientId, name: "ci escalation" }]);

    // An edit of it asks again: each save is a new decision.
    const edit = await updateFederatedCredentialAction({
      ...credential(conn.clientId),
      credentialId: id,
      subject: "repo:contoso/robots:environment:prod",
    });
    expect(edit).toMatchObject({ ok: false, code: "acknowledgement-required" });
  });

  it("on any other application needs no acknowledgement and is not marked", async () => {
    const other = (
      await (
        state.ops as {
          listExternalApplications: (c: unknown) => Promise<{ clientId: string; name: string }[]>;
        }
      ).listExternalApplications(conn)
    ).find((a) => a.name === "Nightly Reports")!;
    const before = (await auditRows()).length;
    const result = await createFederatedCredentialAction(credential(other.clientId, { name: "nightly" }));
    expect(result).toMatchObject({ ok: true });
    const rows = (await auditRows()).slice(before);
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(highSignalReason(row.details)).toBeNull();
  });
});
