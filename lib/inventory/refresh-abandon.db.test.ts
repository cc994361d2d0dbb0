import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConnection } from "@/lib/connections/data";
import { connectionInputSchema } from "@/lib/connections/schemas";
import { generateKey, parseKey } from "@/lib/secrets/crypto";
import { TEST_ENGINES } from "@/lib/testing/databases";
import { allowSandboxHosts } from "@/lib/vendors/testing/sandbox-fixture";
import { globToRegExp } from "@/sandbox/core/faults";
import { startSandbox, type Sandbox } from "@/sandbox/server";
import { readRefreshRun, startRefresh } from "./refresh";
import { refreshConnectionOnce } from "./refresh-connection";

const key = parseKey(generateKey());

// A connection's reads start at once (its certificate sets, its federated credentials). When the
// refresh's outcome is decided by a 5xx on the sets, the federated read still under way is of no
// use: it must stop rather than retry against the vendor. Seen from the sandbox's request log
// (a request is logged when its answer ends): after the refresh returned, no request is added.

const SETS = "**/SamlCertificate/*/certificates";
const APPLICATIONS = "**/identity_/api/ExternalClient/*";

describe.each(TEST_ENGINES)("reads abandoned once a refresh's outcome is decided, on $engine", ({ open }) => {
  let handle: Awaited<ReturnType<typeof open>>;
  let sb: Sandbox;
  let restoreHosts: (() => void) | undefined;
  let connectionId: string;
  beforeAll(async () => {
    handle = await open();
    sb = await startSandbox({ ports: { uipath: 0, cloudflare: 0, huawei: 0, issuers: 0 }, control: true });
    restoreHosts = allowSandboxHosts(sb);
    // One connection only, so that a scheduled run reads this connection and nothing else.
    const demo = sb.demo.find((d) => d.vendor === "uipath")!;
    connectionId = (await createConnection(handle.db, key, connectionInputSchema.parse(demo))).id;
  });
  afterAll(async () => {
    restoreHosts?.();
    await sb?.stop();
    await handle?.close();
  });

  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const settledLog = async () => {
    let log = await sb.control.requests();
    for (;;) {
      await pause(50);
      const next = await sb.control.requests();
      if (next.length === log.length) return next;
      log = next;
    }
  };
  const matching = (glob: string) => (entry: { path: string }) => globToRegExp(glob).test(entry.path);

  const triggers: Record<string, () => Promise<unknown>> = {
    "Refresh this connection": async () =>
      (await refreshConnectionOnce(handle.db, key, connectionId))?.failure,
    "a scheduled refresh": async () => {
      const run = await startRefresh(handle.db, key, { trigger: "scheduled", actorName: "scheduler" });
      await run.finished;
      return (await readRefreshRun(handle.db, run.runId))?.failures;
    },
  };

  it.each(Object.keys(triggers))("%s ended by a 5xx stops the connection's other reads", async (name) => {
    await settledLog();
    await sb.control.clearRequests();
    // The sets answer 503 to every attempt; the first list of applications is held (2.5 s) and
    // answered normally after it, so a read that outlives the refresh retries and goes on.
    await sb.control.fault({ service: "uipath", method: "GET", path: SETS, kind: "status", status: 503 });
    await sb.control.fault({
      service: "uipath",
      method: "GET",
      path: APPLICATIONS,
      kind: "timeout",
      delayMs: 2_500,
      count: 1,
    });
    try {
      const failure = await triggers[name]!();
      expect(failure).toBeTruthy();
      // The held read ends (abandoned: the sandbox logs it when its client goes away).
      for (let i = 0; !(await sb.control.requests()).some(matching(APPLICATIONS)); i++) {
        expect(i, "the held read never ended").toBeLessThan(200);
        await pause(50);
      }
      const after = (await settledLog()).length;
      // Longer than the held read would have lasted plus a retry's backoff: nothing more arrives.
      for (let i = 0; i < 35; i++) {
        await pause(100);
        expect((await sb.control.requests()).length, "a request arrived after the refresh returned").toBe(
          after,
        );
      }
      const log = await sb.control.requests();
      expect(log.filter(matching(APPLICATIONS))).toHaveLength(1);
      expect(log.filter(matching(SETS)).length).toBeGreaterThan(1); // the sets' read was retried
    } finally {
      await sb.control.clearFaults();
    }
    // Nothing was left behind: the connection refreshes normally once the vendor answers.
    expect(await refreshConnectionOnce(handle.db, key, connectionId)).toEqual({ failure: null });
  });
});
