import { describe, expect, it } from "vitest";

import { sandboxFixture } from "./testing/sandbox-fixture";
import { adapterFor, operationsFor, runCertificateAction, supportsAction } from "./registry";
import type { VendorConnection } from "./model";

const sb = sandboxFixture();

describe("registry", () => {
  it("maps each vendor to its adapter and capabilities", () => {
    expect(adapterFor("uipath").capabilities).toMatchObject({
      federatedCredentials: true,
      setKinds: ["uipath-saml"],
    });
    expect(adapterFor("cloudflare").federatedCredentials).toBeNull();
    expect(supportsAction("cloudflare", "rotate")).toBe(true);
    expect(supportsAction("cloudflare", "upload-secondary")).toBe(false);
  });

  it("lists and tests every demo connection of the sandbox through the common operations", async () => {
    const conns: VendorConnection[] = sb.sandbox.demo.map((d) => sb.conn(d.vendor, d.name));
    for (const conn of conns) {
      const ops = operationsFor(conn);
      const sets = await ops.listCertificateSets();
      expect(sets.length, conn.name).toBeGreaterThan(0);
      expect(sets.every((s) => s.vendor === conn.vendor && s.connectionId === conn.id)).toBe(true);
      await expect(ops.testConnection()).resolves.toMatchObject({ ok: true });
    }
  });

  it("runs an action chosen at run time, and refuses one the vendor lacks before sending", async () => {
    const conn = sb.conn("cloudflare", "Acme");
    const [set] = await operationsFor(conn).listCertificateSets();
    const download = await runCertificateAction(conn, { action: "download-pem", setId: set?.id ?? "" });
    expect(download).toMatchObject({ pem: expect.stringContaining("BEGIN CERTIFICATE") });
    await sb.control.clearRequests();
    await expect(
      runCertificateAction(conn, { action: "switch", setId: set?.id ?? "" }),
    ).rejects.toMatchObject({ kind: "validation" });
    expect(await sb.control.requests("cloudflare")).toHaveLength(0);
  });
});
