import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { downloadCertificate } from "@/lib/certificates/download";
import { readCertificateSet } from "@/lib/certificates/read";
import { runCertificateAction } from "@/lib/certificates/run-action";
import { setConnectionEnabled } from "@/lib/connections/data";
import { testStoredConnection } from "@/lib/connections/test-connection";
import { openDatabase } from "@/lib/db/client";
import { loadUipathConnection } from "@/lib/federated/data";
import { generateKey, parseKey } from "@/lib/secrets/crypto";
import { FIXTURE_PEM, sandboxFixture } from "@/lib/vendors/testing/sandbox-fixture";
import type { VendorConnection } from "@/lib/vendors/model";
import { certificateCases, storeDemoConnections, type CertificateCase } from "./testing/harness";

const sb = sandboxFixture();
const key = parseKey(generateKey());
let handle: Awaited<ReturnType<typeof openDatabase>>;
let conns: VendorConnection[] = [];
let cases: CertificateCase[] = [];

beforeAll(async () => {
  handle = await openDatabase({ pgliteDir: "memory://" });
  conns = await storeDemoConnections(handle.db, key, sb.sandbox);
  await sb.control.reset();
  cases = await certificateCases(conns, FIXTURE_PEM);
  for (const conn of conns) await setConnectionEnabled(handle.db, key, conn.id, false);
  await sb.control.clearRequests();
}, 60_000);
afterAll(() => handle.close());

const SAYS_DISABLED = /is disabled: an admin must enable it/;

describe("a disabled connection", () => {
  it("is refused on every certificate write, before anything reaches the vendor", async () => {
    for (const c of cases) {
      const result = await runCertificateAction(handle.db, key, c.input, {
        actor: { id: null, name: "t", role: "operator" },
        sourceIp: null,
        audit: async () => undefined,
      });
      expect(result, c.name).toMatchObject({
        ok: false,
        code: "connection-disabled",
        message: SAYS_DISABLED,
      });
    }
    expect(await sb.control.requests()).toEqual([]);
  });

  it("is refused on downloads, set reads, connection tests and federated-credential paths", async () => {
    for (const conn of conns) {
      const sets = cases.filter((c) => c.conn.id === conn.id);
      const setId = sets[0]?.input.setId ?? "any";
      expect(
        await downloadCertificate(handle.db, key, {
          connection: conn.id,
          set: setId,
          slot: "current",
          format: "pem",
        }),
      ).toMatchObject({ ok: false, status: 409, code: "connection-disabled", message: SAYS_DISABLED });
      expect(await readCertificateSet(handle.db, key, conn.id, setId)).toMatchObject({
        ok: false,
        message: SAYS_DISABLED,
      });
      expect(await testStoredConnection(handle.db, key, conn.id)).toMatchObject({
        disabled: expect.stringMatching(SAYS_DISABLED),
      });
      if (conn.vendor === "uipath")
        expect(await loadUipathConnection(handle.db, key, conn.id)).toMatchObject({
          ok: false,
          code: "connection-disabled",
        });
    }
    expect(await sb.control.requests()).toEqual([]);
  });
});
