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

// A connection's reads start at once: its certificate sets and its federated credentials (UiPath),
// and within the sets read the adapter's own reads (Huawei: service-provider certificates and
// external IdPs, through the live-read cache). When the refresh's outcome is decided by a 5xx on
// one, a read still under way is of no use: it must stop rather than retry against the vendor.
// Seen from the sandbox's request log (a request is logged when its answer ends): after the
// refresh returned, no request is added.

/** The path that answers 503 to every attempt, and the sibling read's path held meanwhile. */
const CASES = {
  "UiPath sets vs. federated credentials": {
    vendor: "uipath",
    failing: "**/SamlCertificate/*/certificates",
    held: "**/identity_/api/ExternalClient/*",
  },
  "Huawei service-provider certificates vs. external IdPs": {
    vendor: "huawei",
    failing: "**/saml-certificates",
    held: "**/external-idp",
  },
} as const;
type Case = (typeof CASES)[keyof typeof CASES];

describe.each(TEST_ENGINES)("reads abandoned once a refresh's outcome is decided, on $engine", ({ open }) => {
  let handle: Awaited<ReturnType<typeof open>>;
  let sb: Sandbox;
  let restoreHosts: (() => void) | undefined;
  const connectionIds = new Map<string, string>();
  beforeAll(async () => {
    handle = await open();
    sb = await startSandbox({ ports: { uipath: 0, cloudflare: 0, huawei: 0, issuers: 0 }, control: true });
    restoreHosts = allowSandboxHosts(sb);
    // One connection per vendor: a scheduled run reads these and nothing else.
    for (const vendor of ["uipath", "huawei"]) {
      const demo = sb.demo.find((d) => d.vendor === vendor)!;
      connectionIds.set(
        vendor,
        (await createConnection(handle.db, key, connectionInputSchema.parse(demo))).id,
      );
    }
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

  const triggers: Record<string, (connectionId: string) => Promise<unknown>> = {
    "Refresh this connection": async (connectionId) =>
      (await refreshConnectionOnce(handle.db, key, connectionId))?.failure,
    "a scheduled refresh": async () => {
      const run = await startRefresh(handle.db, key, { trigger: "scheduled", actorName: "scheduler" });
      await run.finished;
      return (await readRefreshRun(handle.db, run.runId))?.failures;
    },
  };

  const cases = Object.keys(triggers).flatMap((trigger) =>
    Object.entries(CASES).map(([name, c]) => [trigger, name, c] as [string, string, Case]),
  );
  it.each(cases)("%s ended by a 5xx stops the connection's other reads (%s)", async (trigger, _name, c) => {
    const connectionId = connectionIds.get(c.vendor)!;
    await settledLog();
    await sb.control.clearRequests();
    // One read answers 503 to every attempt; the first request of its sibling is held (2.5 s)
    // and answered normally after it, so a read that outlives the refresh retries and goes on.
    await sb.control.fault({
      service: c.vendor,
      method: "GET",
      path: c.failing,
      kind: "status",
      status: 503,
    });
    await sb.control.fault({
      service: c.vendor,
      method: "GET",
      path: c.held,
      kind: "timeout",
      delayMs: 2_500,
      count: 1,
    });
    try {
      const failure = await triggers[trigger]!(connectionId);
      expect(failure).toBeTruthy();
      // The held read ends (abandoned: the sandbox logs it when its client goes away).
      for (let i = 0; !(await sb.control.requests()).some(matching(c.held)); i++) {
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
      expect(log.filter(matching(c.held))).toHaveLength(1);
      expect(log.filter(matching(c.failing)).length).toBeGreaterThan(1); // the failing read was retried
    } finally {
      await sb.control.clearFaults();
    }
    // Nothing was left behind: the connection refreshes normally once the vendor answers.
    expect(await refreshConnectionOnce(handle.db, key, connectionId)).toEqual({ failure: null });
  });
});
