import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConnection } from "@/lib/connections/data";
import { connectionInputSchema } from "@/lib/connections/schemas";
import { startRefresh } from "@/lib/inventory/refresh";
import { generateKey, parseKey } from "@/lib/secrets/crypto";
import { TEST_ENGINES } from "@/lib/testing/databases";
import { startSandbox, type Sandbox } from "@/sandbox/server";
import { allowSandboxHosts } from "@/lib/vendors/testing/sandbox-fixture";
import { processMetrics } from "./registry";

const key = parseKey(generateKey());
const pglite = TEST_ENGINES.filter((e) => e.engine === "pglite");

async function refreshCount(connection: string, result: string): Promise<number> {
  const { values } = await processMetrics().refreshes.get();
  return values.find((v) => v.labels.connection === connection && v.labels.result === result)?.value ?? 0;
}

describe.each(pglite)("inventory refresh metrics on $engine", ({ open }) => {
  let handle: Awaited<ReturnType<typeof open>>;
  let sb: Sandbox;
  let restoreHosts: (() => void) | undefined;
  const names: { name: string; vendor: string }[] = [];
  beforeAll(async () => {
    handle = await open();
    sb = await startSandbox({ ports: { uipath: 0, cloudflare: 0, huawei: 0, issuers: 0 }, control: true });
    restoreHosts = allowSandboxHosts(sb);
    for (const demo of sb.demo) {
      const view = await createConnection(handle.db, key, connectionInputSchema.parse(demo));
      names.push({ name: view.name, vendor: view.vendor });
    }
  });
  afterAll(async () => {
    restoreHosts?.();
    await sb?.stop();
    await handle?.close();
  });

  it("sets each connection's read duration and counts its result", async () => {
    const run = async () =>
      (await startRefresh(handle.db, key, { trigger: "manual", actorName: "test" })).finished;
    const before = await Promise.all(names.map((n) => refreshCount(n.name, "success")));
    await run();
    const after = await Promise.all(names.map((n) => refreshCount(n.name, "success")));
    expect(after.map((a, i) => a - before[i]!)).toEqual(names.map(() => 1));
    const { values } = await processMetrics().refreshDuration.get();
    for (const n of names) {
      const duration = values.find((v) => v.labels.connection === n.name && v.labels.vendor === n.vendor);
      expect(duration?.value).toBeGreaterThan(0);
    }

    await sb.control.fault({ service: "cloudflare", path: "**", kind: "status", status: 403 });
    const cloudflare = names.filter((n) => n.vendor === "cloudflare");
    const failedBefore = await Promise.all(cloudflare.map((n) => refreshCount(n.name, "failure")));
    await run();
    await sb.control.clearFaults();
    const failedAfter = await Promise.all(cloudflare.map((n) => refreshCount(n.name, "failure")));
    expect(failedAfter.map((a, i) => a - failedBefore[i]!)).toEqual(cloudflare.map(() => 1));
  });
});
