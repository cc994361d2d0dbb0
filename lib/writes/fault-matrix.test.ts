import { rootCertificates } from "node:tls";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { runCertificateAction } from "@/lib/certificates/run-action";
import { openDatabase } from "@/lib/db/client";
import { parseAllowList } from "@/lib/net/allow-list";
import { deleteCredential, saveCredential } from "@/lib/federated/mutations";
import { applyFederatedSnapshot, readFederatedCredentials } from "@/lib/inventory/federated-snapshot";
import { applyCertificateSnapshot } from "@/lib/inventory/snapshot";
import { generateKey, parseKey } from "@/lib/secrets/crypto";
import { FIXTURE_PEM, forgetTestRateWindows, sandboxFixture } from "@/lib/vendors/testing/sandbox-fixture";
import type { ConnectionFor, VendorConnection } from "@/lib/vendors/model";
import { adapterFor, operationsFor } from "@/lib/vendors/registry";
import { listPendingWrites } from "./pending";
import { recoverPendingWrites } from "./recover";
import {
  activeFaults,
  auditOf,
  certificateCases,
  faultNextWrite,
  inventoryOf,
  lastAuditId,
  readsAround,
  storeDemoConnections,
  until,
  vendorReads,
  vendorWrites,
  WRITE_FAULTS,
  type CertificateCase,
} from "./testing/harness";

// The registry's adapters, with a short time-out (1 s, so a held write times out) and recorded sleeps.
vi.mock("@/lib/vendors/uipath/adapter", async (original) => {
  const m = await original<typeof import("@/lib/vendors/uipath/adapter")>();
  const { testHttp } = await import("@/lib/vendors/testing/sandbox-fixture");
  return { ...m, uipathAdapter: m.createUiPathAdapter({ http: testHttp([], 4, 1_000) }) };
});
vi.mock("@/lib/vendors/cloudflare/adapter", async (original) => {
  const m = await original<typeof import("@/lib/vendors/cloudflare/adapter")>();
  const { testHttp } = await import("@/lib/vendors/testing/sandbox-fixture");
  return { ...m, cloudflareAdapter: m.createCloudflareAdapter({ http: testHttp([], 4, 1_000) }) };
});
vi.mock("@/lib/vendors/huawei/adapter", async (original) => {
  const m = await original<typeof import("@/lib/vendors/huawei/adapter")>();
  const { testHttp } = await import("@/lib/vendors/testing/sandbox-fixture");
  return { ...m, huaweiAdapter: m.createHuaweiAdapter({ http: testHttp([], 4, 1_000) }) };
});

const sb = sandboxFixture();
const key = parseKey(generateKey());
const actor = { id: null, name: "fault-matrix", role: "operator" as const };
let handle: Awaited<ReturnType<typeof openDatabase>>;
let conns: VendorConnection[] = [];
let cases: CertificateCase[] = [];

beforeAll(async () => {
  handle = await openDatabase({ pgliteDir: "memory://" });
  conns = await storeDemoConnections(handle.db, key, sb.sandbox);
  await sb.control.reset();
  forgetTestRateWindows(); // the simulated vendor starts its windows afresh too
  cases = await certificateCases(conns, FIXTURE_PEM);
}, 60_000);
afterAll(() => handle.close());
beforeEach(async () => {
  // The inventory holds the vendor's state before each write, as after a refresh.
  for (const conn of conns) {
    await applyCertificateSnapshot(handle.db, {
      connection: conn,
      sets: await operationsFor(conn, "live").listCertificateSets(),
      now: new Date(),
    });
  }
  await sb.control.clearRequests();
});

/** What each fault must end in: the outcome told and the outcome recorded. */
const EXPECTED: Record<string, { ok: boolean; code?: RegExp; recorded: string; afterState: boolean }> = {
  none: { ok: true, recorded: "applied", afterState: true },
  timeout: { ok: false, code: /^write-not-applied$/, recorded: "not-applied", afterState: true },
  drop: { ok: false, code: /^write-not-applied$/, recorded: "not-applied", afterState: true },
  "429": { ok: false, code: /^rate-limited$/, recorded: "failed", afterState: false },
  "500": { ok: false, code: /^unavailable$/, recorded: "failed", afterState: false },
  "503": { ok: false, code: /^unavailable$/, recorded: "failed", afterState: false },
  "malformed 2xx": { ok: false, code: /^write-not-applied$/, recorded: "not-applied", afterState: true },
  "lost answer": { ok: true, recorded: "applied", afterState: true },
};
const FAULTS = ["none", ...Object.keys(WRITE_FAULTS)];

async function expectAudited(action: string, since: number, fault: string) {
  const expected = EXPECTED[fault]!;
  const { intents, outcomes } = await auditOf(handle.db, action, since);
  expect(intents, "one intent, recorded before the write").toHaveLength(1);
  expect(outcomes, "one outcome, linked to the intent").toHaveLength(1);
  const [intent, outcome] = [intents[0]!, outcomes[0]!];
  expect(outcome.intentId).toBe(intent.id);
  expect(intent.id).toBeLessThan(outcome.id);
  expect(intent.details).toMatchObject({ write: { connectionId: expect.any(String) } });
  expect(outcome).toMatchObject({
    outcome: expected.recorded === "applied" ? "success" : "failure",
    details: { writeOutcome: expected.recorded },
  });
  expect(outcome.details?.after !== undefined, "after-state recorded").toBe(expected.afterState);
}

describe("every certificate write × every fault", () => {
  it("the seed offers every certificate write of every vendor", () => {
    expect(cases.map((c) => c.name).sort()).toEqual(
      expect.arrayContaining([
        "cloudflare cloudflare-saml rotate",
        "huawei huawei-idp import-idp-certificate",
        "huawei huawei-sp activate",
        "huawei huawei-sp create-sp-certificate",
        "huawei huawei-sp delete-certificate",
        "uipath uipath-saml delete-certificate",
        "uipath uipath-saml switch",
        "uipath uipath-saml upload-primary",
        "uipath uipath-saml upload-secondary",
      ]),
    );
  });

  for (const fault of FAULTS) {
    it(`${fault}: told, audited (intent + outcome + after-state), written once, inventory follows`, async () => {
      for (const c of cases) {
        await sb.control.reset();
        forgetTestRateWindows(); // the simulated vendor starts its windows afresh too
        for (const conn of conns)
          await applyCertificateSnapshot(handle.db, {
            connection: conn,
            sets: await operationsFor(conn, "live").listCertificateSets(),
            now: new Date(),
          });
        // What one read of the set costs at this vendor (some vendors need two requests).
        await sb.control.clearRequests();
        await operationsFor(c.conn, "live").getCertificateSet(c.input.setId);
        const readCost = (await vendorReads(sb.sandbox, c.conn.vendor)).length;
        await sb.control.clearRequests();
        if (fault !== "none") await faultNextWrite(sb.sandbox, c.conn.vendor, WRITE_FAULTS[fault]!);
        const since = await lastAuditId(handle.db);
        const audit = vi.fn(async () => undefined);
        const result = await runCertificateAction(handle.db, key, c.input, { actor, sourceIp: null, audit });
        const { before, after } = await readsAround(sb.sandbox, c.conn.vendor);
        expect(before, `${c.name}: reads before the write`).toBeLessThanOrEqual(readCost);
        expect(after, `${c.name}: reads after the write`).toBeLessThanOrEqual(readCost);
        const expected = EXPECTED[fault]!;
        expect(result.ok, `${c.name}: ${JSON.stringify(result)}`).toBe(expected.ok);
        if (!result.ok) expect(result.code, c.name).toMatch(expected.code!);
        if (fault === "lost answer" && result.ok) expect(result.message).toContain("applied");
        expect(await vendorWrites(sb.sandbox, c.conn.vendor), `${c.name}: vendor writes`).toBe(1);
        await expectAudited(`certificate.${c.input.action}`, since, fault);

        // The inventory holds what the vendor holds now, and the next refresh sees no drift.
        const now = await operationsFor(c.conn, "live").getCertificateSet(c.input.setId);
        const held = now.slots.flatMap((s) => (s.certificate ? [s.certificate.sha256] : [])).sort();
        expect(await inventoryOf(handle.db, c.conn.id, c.input.setId), `${c.name}: inventory`).toEqual(held);
        const refresh = await applyCertificateSnapshot(handle.db, {
          connection: c.conn,
          sets: await operationsFor(c.conn).listCertificateSets(),
          now: new Date(),
        });
        expect(refresh.drift, `${c.name}: drift`).toEqual([]);
      }
      expect(await listPendingWrites(handle.db)).toEqual([]);
    }, 120_000);
  }
});

describe("every federated-credential write × every fault", () => {
  const preflight = () => ({
    allow: parseAllowList("localhost"),
    timeoutMs: 2000,
    maxBytes: 512 * 1024,
    ca: [...rootCertificates, sb.sandbox.caPem],
  });
  const writer = () => ({ db: handle.db, actor, sourceIp: null });
  const uipath = () =>
    conns.find((c): c is ConnectionFor<"uipath"> => c.vendor === "uipath" && c.name.includes("Contoso"))!;

  async function target() {
    const conn = uipath();
    const app = (await adapterFor("uipath").federatedCredentials.listExternalApplications(conn)).find(
      (a) => a.name === "Nightly Reports",
    )!;
    const body = {
      connectionId: conn.id,
      clientId: app.clientId,
      name: "matrix",
      issuer: sb.sandbox.urls.issuers["github-actions"] ?? "",
      audience: "https://cloud.uipath.com/contoso",
      subject: "repo:contoso/nightly:ref:refs/heads/main",
      description: undefined,
    };
    return { conn, body };
  }

  async function credentialIds(conn: ConnectionFor<"uipath">, clientId: string) {
    return (await adapterFor("uipath").federatedCredentials.listFederatedCredentials(conn, clientId))
      .map((c) => c.id)
      .sort();
  }

  async function inventoryIds(conn: ConnectionFor<"uipath">, clientId: string) {
    const { inventoryFederatedCredentials: t } = await import("@/lib/db/schema");
    const { and, eq, isNull } = await import("drizzle-orm");
    const rows = await handle.db
      .select({ id: t.credentialId })
      .from(t)
      .where(and(eq(t.connectionId, conn.id), eq(t.clientId, clientId), isNull(t.goneAt)));
    return rows.map((r) => r.id).sort();
  }

  for (const op of ["create", "update", "delete"] as const) {
    for (const fault of FAULTS) {
      it(`${op} × ${fault}`, async () => {
        await sb.control.reset();
        forgetTestRateWindows(); // the simulated vendor starts its windows afresh too
        const { conn, body } = await target();
        let credentialId = "";
        if (op !== "create") {
          const created = await saveCredential(conn, body, { preflight: preflight(), writer: writer() });
          if (!created.ok) throw new Error(created.message);
          credentialId = created.credential.id;
        }
        await applyFederatedSnapshot(
          handle.db,
          conn.id,
          (await readFederatedCredentials(conn)) ?? { applications: [], credentials: [] },
          new Date(),
        );
        await sb.control.clearRequests();
        if (fault !== "none") await faultNextWrite(sb.sandbox, "uipath", WRITE_FAULTS[fault]!);
        const since = await lastAuditId(handle.db);
        const result =
          op === "delete"
            ? await deleteCredential(conn, { ...body, credentialId }, { writer: writer() })
            : await saveCredential(
                conn,
                op === "update"
                  ? { ...body, credentialId, subject: "repo:contoso/nightly:environment:prod" }
                  : body,
                { preflight: preflight(), writer: writer() },
              );
        const expected = EXPECTED[fault]!;
        expect(result.ok, JSON.stringify(result)).toBe(expected.ok);
        if (!result.ok) expect(result.code).toMatch(expected.code!);
        expect(await vendorWrites(sb.sandbox, "uipath")).toBe(1);
        // One read before (the list, or the credential), one after only where needed.
        const reads = await readsAround(sb.sandbox, "uipath");
        expect(reads.before).toBe(1);
        // A delete's answer carries no state: even a clean delete is confirmed by one read.
        const refused = ["429", "500", "503"].includes(fault);
        const answerCarriesState = op !== "delete" && fault === "none";
        expect(reads.after).toBe(refused || answerCarriesState ? 0 : 1);
        await expectAudited(`federated-credential.${op}`, since, fault);
        expect(await inventoryIds(conn, body.clientId)).toEqual(await credentialIds(conn, body.clientId));
      });
    }
  }
});

describe("an outcome that cannot be learnt at once", () => {
  it("stays pending (listed for the UI) until recovery reads the vendor again and completes it", async () => {
    await sb.control.reset();
    forgetTestRateWindows(); // the simulated vendor starts its windows afresh too
    const c = cases.find((x) => x.input.action === "rotate")!;
    // The write is held past the client's time-out (then applied); while it is held, every read
    // starts failing (each retry included), so the re-read cannot tell either.
    await faultNextWrite(sb.sandbox, c.conn.vendor, { kind: "latency", delayMs: 1_500 });
    const armed = await activeFaults(sb.sandbox);
    const since = await lastAuditId(handle.db);
    const audit = async () => undefined;
    const running = runCertificateAction(handle.db, key, c.input, { actor, sourceIp: null, audit });
    await until(async () => (await activeFaults(sb.sandbox)) < armed, "the write at the sandbox");
    await sb.control.fault({
      service: c.conn.vendor,
      method: "GET",
      path: "**",
      kind: "status",
      status: 503,
    });
    const result = await running;
    expect(result).toMatchObject({ ok: false, code: "write-unknown" });
    expect(result.ok || result.message).toContain("may or may not have been made");
    const { intents, outcomes } = await auditOf(handle.db, "certificate.rotate", since);
    expect([intents.length, outcomes.length]).toEqual([1, 0]);
    expect(
      await listPendingWrites(handle.db, { connectionId: c.conn.id, setId: c.input.setId }),
    ).toMatchObject([{ id: intents[0]!.id, action: "certificate.rotate", actorName: actor.name }]);

    // The vendor answers again: recovery (on start, then every minute) completes the intent.
    await sb.control.clearFaults();
    await until(async () => (await vendorWrites(sb.sandbox, c.conn.vendor)) === 1, "the held write");
    expect(await recoverPendingWrites(handle.db, key)).toEqual({ applied: 1, notApplied: 0, pending: 0 });
    expect(await listPendingWrites(handle.db)).toEqual([]);
    const done = await auditOf(handle.db, "certificate.rotate", since);
    expect(done.outcomes[0]).toMatchObject({
      intentId: intents[0]!.id,
      outcome: "success",
      details: { writeOutcome: "applied", recovered: true },
    });
    expect(await vendorWrites(sb.sandbox, c.conn.vendor)).toBe(1);
    const now = await operationsFor(c.conn, "live").getCertificateSet(c.input.setId);
    const held = now.slots.flatMap((s) => (s.certificate ? [s.certificate.sha256] : [])).sort();
    expect(await inventoryOf(handle.db, c.conn.id, c.input.setId)).toEqual(held);
  });
});
