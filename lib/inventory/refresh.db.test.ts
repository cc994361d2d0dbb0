import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditEvents } from "@/lib/db/schema";
import { createConnection, loadVendorConnection } from "@/lib/connections/data";
import { connectionInputSchema } from "@/lib/connections/schemas";
import { generateKey, parseKey } from "@/lib/secrets/crypto";
import { TEST_ENGINES } from "@/lib/testing/databases";
import { runCertificateAction } from "@/lib/vendors/registry";
import { startSandbox, type Sandbox } from "@/sandbox/server";
import { allowSandboxHosts } from "@/lib/vendors/testing/sandbox-fixture";
import { readInventory, readInventoryHistory } from "./read";
import { readRefreshRun, startRefresh } from "./refresh";

const key = parseKey(generateKey());

describe.each(TEST_ENGINES)("inventory refresh against the sandbox on $engine", ({ open }) => {
  let handle: Awaited<ReturnType<typeof open>>;
  let sb: Sandbox;
  let restoreHosts: (() => void) | undefined;
  const ids = new Map<string, string>();
  beforeAll(async () => {
    handle = await open();
    sb = await startSandbox({ ports: { uipath: 0, cloudflare: 0, huawei: 0, issuers: 0 }, control: true });
    restoreHosts = allowSandboxHosts(sb);
    for (const demo of sb.demo) {
      const view = await createConnection(handle.db, key, connectionInputSchema.parse(demo));
      ids.set(view.name, view.id);
    }
  });
  afterAll(async () => {
    restoreHosts?.();
    await sb?.stop();
    await handle?.close();
  });

  const refresh = async (now: Date) => {
    const run = await startRefresh(handle.db, key, {
      trigger: "manual",
      actorName: "test",
      clock: () => now,
    });
    await run.finished;
    return (await readRefreshRun(handle.db, run.runId))!;
  };

  it("snapshots every connection, then keeps a failing vendor's snapshot marked stale", async () => {
    const first = await refresh(new Date());
    expect(first).toMatchObject({ total: ids.size, done: ids.size, failures: [] });
    const before = await readInventory(handle.db);
    expect(before.certificates.length).toBeGreaterThan(40);
    expect(before.connections.every((c) => !c.stale)).toBe(true);
    expect(before.drift).toEqual([]);
    const cloudflareCount = before.certificates.filter((c) => c.vendor === "cloudflare").length;
    expect(before.certificates[0]!.setHref).toBe(
      `/certificates/${before.certificates[0]!.connectionId}/${encodeURIComponent(before.certificates[0]!.setId)}`,
    );

    await sb.control.fault({ service: "cloudflare", path: "**", kind: "status", status: 403 });
    const second = await refresh(new Date(Date.now() + 60_000));
    await sb.control.clearFaults();
    expect(second.done).toBe(ids.size);
    expect(second.failures.length).toBe(before.connections.filter((c) => c.vendor === "cloudflare").length);
    expect(second.failures.every((f) => f.vendor === "cloudflare" && f.message.length > 0)).toBe(true);

    const after = await readInventory(handle.db);
    const stale = after.connections.filter((c) => c.stale);
    expect(
      stale.every(
        (c) =>
          c.vendor === "cloudflare" &&
          c.lastError &&
          c.lastSuccessAt === before.connections.find((b) => b.id === c.id)!.lastSuccessAt,
      ),
    ).toBe(true);
    expect(
      after.connections
        .filter((c) => c.vendor !== "cloudflare")
        .every(
          (c) => !c.stale && c.lastSuccessAt! > before.connections.find((b) => b.id === c.id)!.lastSuccessAt!,
        ),
    ).toBe(true);
    expect(after.certificates.filter((c) => c.vendor === "cloudflare")).toHaveLength(cloudflareCount);
  });

  it("reports a rotation made outside Trustdeck as drift, with history and an audit event", async () => {
    const inventory = await readInventory(handle.db);
    const target = inventory.certificates.find((c) => c.vendor === "cloudflare" && c.slot === "current")!;
    const conn = (await loadVendorConnection(handle.db, key, target.connectionId))!;
    await runCertificateAction(conn, { action: "rotate", setId: target.setId }); // straight to the vendor: no audit

    await refresh(new Date(Date.now() + 120_000));
    const after = await readInventory(handle.db);
    const drift = after.drift.filter((d) => d.setId === target.setId);
    expect(drift).toHaveLength(1);
    expect(drift[0]!.kind).toBe("external-change");
    expect(drift[0]!.message).toMatch(
      /changed outside Trustdeck: rotated by the vendor itself: new certificate [0-9A-F:]+… \(.*\) in current, [0-9A-F:]+… \(.*\) moved to previous/,
    );
    expect(after.certificates.find((c) => c.key === target.key)?.slot).toBe("previous");

    const history = (await readInventoryHistory(handle.db, { connectionId: target.connectionId })).filter(
      (h) => h.itemKey.startsWith(`${target.connectionId}/${target.setId}/`),
    );
    expect(history.map((h) => h.kind)).toEqual(expect.arrayContaining(["appeared", "state-changed"]));
    expect(history.find((h) => h.itemKey === target.key)?.details).toEqual({
      from: { slot: "current", state: null },
      to: { slot: "previous", state: null },
    });
    const audited = await handle.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, "inventory.drift.external-change"),
          eq(auditEvents.targetId, `${target.connectionId}/${target.setId}`),
        ),
      );
    expect(audited).toHaveLength(1);
  });
});
