import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createConnection, loadVendorConnection } from "@/lib/connections/data";
import { connectionInputSchema } from "@/lib/connections/schemas";
import { generateKey, parseKey } from "@/lib/secrets/crypto";
import { TEST_ENGINES } from "@/lib/testing/databases";
import { runCertificateAction } from "@/lib/vendors/registry";
import { startSandbox, type Sandbox } from "@/sandbox/server";
import { allowSandboxHosts } from "@/lib/vendors/testing/sandbox-fixture";
import { readInventory } from "./read";
import { readRefreshRun, startRefresh } from "./refresh";

const key = parseKey(generateKey());

/**
 * A connection whose certificates were stored but whose refresh then failed (here: the drift audit
 * write after the snapshot's transaction) must show as stale with its error, whatever the clock:
 * the run lists it as failed, so the list pages must not call it fresh.
 */
describe.each(TEST_ENGINES)(
  "a refresh that fails after storing part of a connection on $engine",
  ({ open }) => {
    let handle: Awaited<ReturnType<typeof open>>;
    let sb: Sandbox;
    let restoreHosts: (() => void) | undefined;
    beforeAll(async () => {
      handle = await open();
      sb = await startSandbox({ ports: { uipath: 0, cloudflare: 0, huawei: 0, issuers: 0 }, control: true });
      restoreHosts = allowSandboxHosts(sb);
      for (const demo of sb.demo) await createConnection(handle.db, key, connectionInputSchema.parse(demo));
    });
    afterAll(async () => {
      restoreHosts?.();
      await sb?.stop();
      await handle?.close();
    });

    // The real clock, as in production: no injected time.
    const refresh = async () => {
      const run = await startRefresh(handle.db, key, { trigger: "manual", actorName: "test" });
      await run.finished;
      return (await readRefreshRun(handle.db, run.runId))!;
    };

    it("shows the connection stale with the run's failure message", async () => {
      expect((await refresh()).failures).toEqual([]);
      const before = await readInventory(handle.db);
      const target = before.certificates.find((c) => c.vendor === "cloudflare" && c.slot === "current")!;
      const conn = (await loadVendorConnection(handle.db, key, target.connectionId))!;
      await runCertificateAction(conn, { action: "rotate", setId: target.setId }); // drift at the next refresh

      await handle.db.execute(sql`CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN RAISE EXCEPTION 'audit store unavailable'; END $$`);
      await handle.db.execute(
        sql`CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION refuse_audit()`,
      );
      try {
        const run = await refresh();
        const failure = run.failures.find((f) => f.connectionId === target.connectionId);
        expect(failure?.message).toBeTruthy();

        const after = (await readInventory(handle.db)).connections.find((c) => c.id === target.connectionId)!;
        expect(after).toMatchObject({ stale: true, lastError: failure!.message });
      } finally {
        await handle.db.execute(sql`DROP TRIGGER refuse_audit ON audit_events`);
        await handle.db.execute(sql`DROP FUNCTION refuse_audit()`);
      }
    });
  },
);
