import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConnection, loadVendorConnection } from "@/lib/connections/data";
import { connectionInputSchema } from "@/lib/connections/schemas";
import { readCertificateList, readListedConnections } from "@/lib/certificates/read";
import { readFederationFromInventory } from "@/lib/federated/from-inventory";
import { readConnectionFederation } from "@/lib/federated/read";
import { generateKey, parseKey } from "@/lib/secrets/crypto";
import { TEST_ENGINES } from "@/lib/testing/databases";
import { operationsFor } from "@/lib/vendors/registry";
import { startSandbox, type Sandbox } from "@/sandbox/server";
import { allowSandboxHosts } from "@/lib/vendors/testing/sandbox-fixture";
import { connectionRefreshesInFlight, refreshConnectionOnce } from "./refresh-connection";

const key = parseKey(generateKey());

// The list pages read the inventory (lib/certificates/read, lib/federated/from-inventory); only
// "Refresh this connection" (lib/inventory/refresh-connection) calls a vendor, and only that
// connection's account, once at a time.
describe.each(TEST_ENGINES)("list pages from the inventory on $engine", ({ open }) => {
  let handle: Awaited<ReturnType<typeof open>>;
  let sb: Sandbox;
  let restoreHosts: (() => void) | undefined;
  const connections: { id: string; name: string; vendor: string; account: string }[] = [];
  beforeAll(async () => {
    handle = await open();
    sb = await startSandbox({ ports: { uipath: 0, cloudflare: 0, huawei: 0, issuers: 0 }, control: true });
    restoreHosts = allowSandboxHosts(sb);
    for (const demo of sb.demo) {
      const view = await createConnection(handle.db, key, connectionInputSchema.parse(demo));
      const d = demo as unknown as Record<string, string>;
      const account = d.accountId ?? d.organizationName ?? d.identityStoreId ?? "";
      connections.push({ id: view.id, name: view.name, vendor: view.vendor, account });
    }
  });
  afterAll(async () => {
    restoreHosts?.();
    await sb?.stop();
    await handle?.close();
  });
  const byVendor = (vendor: string) => connections.find((c) => c.vendor === vendor)!;
  /** The sandbox logs a request when its answer is finished: the log once it stops growing. */
  const settledLog = async () => {
    let log = await sb.control.requests();
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const next = await sb.control.requests();
      if (next.length === log.length) return next;
      log = next;
    }
  };
  const clearLog = async () => {
    await settledLog();
    await sb.control.clearRequests();
  };

  it("refreshing one connection calls only that connection's vendor account", async () => {
    for (const target of ["cloudflare", "uipath", "huawei"].map(byVendor)) {
      await clearLog();
      const outcome = await refreshConnectionOnce(handle.db, key, target.id);
      expect(outcome).toEqual({ failure: null });
      const log = await settledLog();
      expect(log.length).toBeGreaterThan(0);
      expect(new Set(log.map((r) => r.service))).toEqual(new Set([target.vendor]));
      const others = connections.filter((c) => c.vendor === target.vendor && c.id !== target.id);
      for (const other of others)
        expect(log.filter((r) => `${r.path}?${r.query}`.includes(other.account))).toEqual([]);
    }
  });

  it("two refreshes of the same connection at once share one read", async () => {
    const target = byVendor("cloudflare");
    await clearLog();
    await refreshConnectionOnce(handle.db, key, target.id);
    const alone = (await settledLog()).length;

    await clearLog();
    const first = refreshConnectionOnce(handle.db, key, target.id);
    const second = refreshConnectionOnce(handle.db, key, target.id);
    expect(second).toBe(first);
    expect(connectionRefreshesInFlight(target.id)).toBe(1);
    expect(await Promise.all([first, second])).toEqual([{ failure: null }, { failure: null }]);
    expect(connectionRefreshesInFlight(target.id)).toBe(0);
    expect((await settledLog()).length).toBe(alone);

    // Another connection is not held by it.
    const other = byVendor("huawei");
    const a = refreshConnectionOnce(handle.db, key, target.id);
    const b = refreshConnectionOnce(handle.db, key, other.id);
    expect(b).not.toBe(a);
    await Promise.all([a, b]);
  });

  it("a failing read is stored as the connection's last error; the snapshot stays", async () => {
    const target = byVendor("huawei");
    const before = await readCertificateList(handle.db, { connectionId: target.id });
    // 403, not 5xx: a refused read is not retried, so no retry outlives this test.
    await sb.control.fault({ service: "huawei", path: "**", kind: "status", status: 403 });
    try {
      const outcome = await refreshConnectionOnce(handle.db, key, target.id);
      expect(outcome?.failure).toBeTruthy();
    } finally {
      await sb.control.clearFaults();
    }
    const after = await readCertificateList(handle.db, { connectionId: target.id });
    const freshness = (await readListedConnections(handle.db)).find((c) => c.id === target.id);
    expect(freshness).toMatchObject({ stale: true, lastError: expect.any(String) as string });
    expect(after.entries.map((e) => e.set.id)).toEqual(before.entries.map((e) => e.set.id));
    expect(after.entries.length).toBeGreaterThan(0);
    expect(await refreshConnectionOnce(handle.db, key, target.id)).toEqual({ failure: null });
  });

  it("a federated read that fails is kept and said; the certificates still refresh and the list stays", async () => {
    const target = byVendor("uipath");
    await refreshConnectionOnce(handle.db, key, target.id);
    const before = await readFederationFromInventory(handle.db, key, target.id);
    expect(before!.connection.federatedError).toBeNull();
    expect(before!.federation.apps.length).toBeGreaterThan(0);
    await sb.control.fault({ service: "uipath", path: "**/ExternalClient/**", kind: "status", status: 403 });
    try {
      expect(await refreshConnectionOnce(handle.db, key, target.id)).toEqual({ failure: null });
    } finally {
      await sb.control.clearFaults();
    }
    const during = await readFederationFromInventory(handle.db, key, target.id);
    expect(during!.connection).toMatchObject({ stale: false, lastError: null });
    expect(during!.connection.federatedError).toMatch(/\S/);
    expect(during!.federation.apps.map((a) => a.clientId)).toEqual(
      before!.federation.apps.map((a) => a.clientId),
    );

    await refreshConnectionOnce(handle.db, key, target.id);
    const after = await readFederationFromInventory(handle.db, key, target.id);
    expect(after!.connection.federatedError).toBeNull();
  });

  it("the certificate list of a connection comes from the database only, as the vendor has it, without PEMs", async () => {
    for (const target of ["cloudflare", "uipath", "huawei"].map(byVendor)) {
      await refreshConnectionOnce(handle.db, key, target.id);
      const conn = (await loadVendorConnection(handle.db, key, target.id))!;
      const live = await operationsFor(conn, "live").listCertificateSets();
      await clearLog();
      const listed = await Promise.all([
        readCertificateList(handle.db),
        readCertificateList(handle.db),
        readCertificateList(handle.db, { connectionId: target.id }),
        readListedConnections(handle.db),
      ]);
      expect(await settledLog()).toEqual([]);
      const sets = listed[2];
      expect(listed[3].find((c) => c.id === target.id)).toMatchObject({ stale: false, lastError: null });
      expect(JSON.stringify(listed[0])).not.toContain("BEGIN CERTIFICATE");
      expect(listed[0].entries.filter((e) => e.connection.id === target.id)).toEqual(sets.entries);
      const shape = (s: {
        id: string;
        slots: { slot: string; certificate: { sha256: string } | null }[];
      }) => ({
        id: s.id,
        slots: s.slots.map((slot) => `${slot.slot}:${slot.certificate?.sha256 ?? "empty"}`).sort(),
      });
      const withCertificates = live.filter((s) => s.slots.some((slot) => slot.certificate));
      expect(sets.entries.map((e) => shape(e.set)).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
        withCertificates.map(shape).sort((a, b) => a.id.localeCompare(b.id)),
      );
    }
  });

  it("the federated credentials of a UiPath connection come from the database only, applications without credentials too", async () => {
    const target = byVendor("uipath");
    await refreshConnectionOnce(handle.db, key, target.id);
    const conn = (await loadVendorConnection(handle.db, key, target.id))!;
    if (conn.vendor !== "uipath") throw new Error("not a UiPath connection");
    const live = await readConnectionFederation(conn);
    await clearLog();
    const stored = (await readFederationFromInventory(handle.db, key, target.id))!;
    expect(await settledLog()).toEqual([]);
    expect(stored.neverRead).toBe(false);
    const shape = (apps: typeof live.apps) =>
      apps
        .map((app) => ({
          clientId: app.clientId,
          name: app.name,
          isConfidential: app.isConfidential,
          scopes: app.scopes,
          credentials: (app.credentials ?? []).map((c) => ({
            id: c.id,
            name: c.name,
            description: c.description,
            issuer: c.issuer,
            audience: c.audience,
            subject: c.subject,
            createdAt: c.createdAt,
            updatedAt: c.updatedAt,
          })),
        }))
        .sort((a, b) => a.clientId.localeCompare(b.clientId));
    expect(live.apps.some((app) => app.credentials?.length === 0)).toBe(true);
    expect(shape(stored.federation.apps)).toEqual(shape(live.apps));
    expect(stored.federation).toMatchObject({
      organizationName: live.organizationName,
      canWrite: live.canWrite,
      suggestedAudience: live.suggestedAudience,
    });
  });
});
