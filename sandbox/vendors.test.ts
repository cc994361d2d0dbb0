import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, expectTypeOf, it, vi } from "vitest";
import type { Vendor } from "@/lib/connections/schemas";
import { booleanSetting } from "./core/settings";
import { json } from "./core/reply";
import { defineVendor } from "./vendor-descriptor";
import type { VendorName } from "./vendors";

/**
 * A fourth vendor, declared the way a real one is in `sandbox/<vendor>/vendor.ts`: a counter it
 * keeps in its state, a run-time switch, a port and a demo connection. Registering it is the one
 * line the mock below adds to `SANDBOX_VENDORS`; everything else must follow from that line.
 */
const toyVendor = defineVendor({
  name: "toy",
  label: "Toy",
  defaultPort: 4519,
  basePath: "/api",
  settings: { toyLoud: booleanSetting("toyLoud", false) },
  seed: async (_ctx, seed) => ({ count: seed === "demo" ? 10 : 0 }),
  revive: (saved) => saved,
  createApp: (runtime) => ({
    service: "toy",
    newRequestId: () => "toy-request",
    handle: async (ctx) => {
      if (ctx.method === "POST") runtime.state.count++;
      return json(200, { count: runtime.state.count, loud: runtime.settings.toyLoud });
    },
    faultReply: (status) => json(status, { error: "injected" }),
    decorate: (reply) => reply,
  }),
  demoConnections: (baseUrl) => [
    { vendor: "toy" as const, name: "Toy (sandbox)", baseUrl, secret: "s3cret" },
  ],
});

vi.mock("./vendors", async (importOriginal) => {
  const real = await importOriginal<typeof import("./vendors")>();
  return { ...real, SANDBOX_VENDORS: [...real.SANDBOX_VENDORS, toyVendor] };
});

const folder = mkdtempSync(path.join(tmpdir(), "trustdeck-registry-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("the sandbox vendor registry", () => {
  it("names exactly the dashboard's vendors", () => {
    expectTypeOf<VendorName>().toEqualTypeOf<Vendor>();
  });

  it("gives every vendor its own name and default port", async () => {
    const { SANDBOX_VENDORS } = await import("./vendors");
    const { DEFAULT_PORTS } = await import("./server");
    const names = SANDBOX_VENDORS.map((v) => v.name);
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(Object.values(DEFAULT_PORTS)).size).toBe(names.length + 1); // and the issuers
  });

  it("a vendor registered in one line is served, configured, seeded, reset, persisted and printed", async () => {
    const { startSandbox, DEFAULT_PORTS } = await import("./server");
    const { parseCliConfig } = await import("./cli-config");
    expect(DEFAULT_PORTS).toMatchObject({ toy: 4519 });
    expect(parseCliConfig([], { SANDBOX_PORT_TOY: "0" }, "/").ports).toMatchObject({ toy: 0, uipath: 4510 });

    const ports = Object.fromEntries(Object.keys(DEFAULT_PORTS).map((n) => [n, 0]));
    const options = { ports, control: true, dataDir: folder, persist: true };
    let sb = await startSandbox(options);
    const toyUrl = (sb.urls as Record<string, string>).toy!;
    expect(toyUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api$/);
    expect(sb.demo).toContainEqual({
      vendor: "toy",
      name: "Toy (sandbox)",
      baseUrl: toyUrl,
      secret: "s3cret",
    });
    const post = async () =>
      (await (await fetch(toyUrl, { method: "POST" })).json()) as Record<string, unknown>;

    expect(await post()).toEqual({ count: 11, loud: false });
    await sb.control.settings({ toyLoud: true } as never);
    expect(await post()).toEqual({ count: 12, loud: true });
    expect((await sb.control.requests("toy" as never)).map((r) => r.method)).toEqual(["POST", "POST"]);
    await sb.control.fault({ service: "toy" as never, path: "/api", kind: "status", status: 503 });
    expect((await fetch(toyUrl, { method: "POST" })).status).toBe(503);
    await sb.control.clearFaults();
    // It declares no `tenants`: seeding large tenants there is refused, clearly.
    await expect(
      sb.control.addTenants({ vendor: "toy", name: "Big", connections: 1, setsPerConnection: 1 }),
    ).rejects.toThrow(/400 toy cannot seed tenants/);

    await sb.control.reset("empty");
    expect(await post()).toEqual({ count: 1, loud: false });
    await sb.stop();

    sb = await startSandbox(options);
    expect(sb.restored).toBe(true);
    expect(await (await fetch((sb.urls as Record<string, string>).toy!, { method: "POST" })).json()).toEqual({
      count: 2,
      loud: false,
    });
    await sb.stop();
  }, 60_000);
});
