import "@abraham/reflection";
import * as x509 from "@peculiar/x509";
import { createHash } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { connectionInputSchema } from "../../lib/connections/schemas";
import type { CloudflareDemoConnection } from "../cloudflare/demo-connections";
import { cloudflareCall } from "../cloudflare/testing";
import type { Sandbox } from "../server";
import { startTestSandbox } from "../testing/harness";
import { httpRequest } from "../testing/http";

type CfCert = { uid: string; public_certificate: string; not_after: string; is_current: boolean };
type CfSet = { uid: string; current_certificate: CfCert; previous_certificate: CfCert | null };
type Listing = { result: CfSet[]; result_info: { total_count: number } };

let sb: Sandbox;
beforeAll(async () => {
  sb = await startTestSandbox();
});
afterAll(() => sb.stop());
beforeEach(() => sb.control.reset());

const seed = (body: unknown) =>
  httpRequest(`${new URL(sb.urls.cloudflare).origin}/__sandbox/tenants`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

const listAll = async (conn: CloudflareDemoConnection) =>
  (
    await cloudflareCall(
      sb,
      conn.apiToken,
      `/accounts/${conn.accountId}/access/saml_certificates?per_page=1000`,
    )
  ).json as Listing;

describe("POST /__sandbox/tenants", () => {
  it("adds N Cloudflare accounts of N sets, each a working connection with distinct real certificates", async () => {
    const { connections } = await sb.control.addTenants<CloudflareDemoConnection>({
      vendor: "cloudflare",
      name: "Bench",
      connections: 3,
      setsPerConnection: 40,
    });
    expect(connections).toHaveLength(3);
    const thumbprints = new Set<string>();
    const serials = new Set<string>();
    for (const conn of connections) {
      expect(connectionInputSchema.parse(conn)).toEqual(conn);
      expect(conn.baseUrl).toBe(sb.urls.cloudflare);
      const listing = await listAll(conn);
      expect(listing.result_info.total_count).toBe(40);
      for (const set of listing.result) {
        for (const slot of [set.current_certificate, set.previous_certificate!]) {
          const cert = new x509.X509Certificate(slot.public_certificate);
          expect(await cert.verify({ signatureOnly: true })).toBe(true);
          expect(cert.notAfter.toISOString().replace(".000Z", "Z")).toBe(slot.not_after);
          thumbprints.add(createHash("sha256").update(new Uint8Array(cert.rawData)).digest("hex"));
          serials.add(cert.serialNumber);
        }
        // No set is due for Cloudflare's automatic rotation (30 days before not_after).
        expect(Date.parse(set.current_certificate.not_after) - Date.now()).toBeGreaterThan(31 * 86_400_000);
      }
    }
    expect(thumbprints.size).toBe(3 * 40 * 2);
    expect(serials.size).toBe(3 * 40 * 2);
    // One account's token reaches no other account.
    const [a, b] = connections;
    const other = await cloudflareCall(sb, a!.apiToken, `/accounts/${b!.accountId}/access/saml_certificates`);
    expect(other.status).toBe(403);
  });

  it("seeds the same tenant again after a reset with the same certificates; a duplicate adds nothing, another shape is refused", async () => {
    const request = { vendor: "cloudflare", name: "Again", connections: 1, setsPerConnection: 5 };
    const first = await sb.control.addTenants<CloudflareDemoConnection>(request);
    const before = await listAll(first.connections[0]!);
    // Idempotent by name: the same request answers the same connection and adds no set.
    const duplicate = await seed(request);
    expect(duplicate.status).toBe(201);
    expect((duplicate.json as { connections: unknown[] }).connections).toEqual(first.connections);
    expect(await listAll(first.connections[0]!)).toEqual(before);
    const reshaped = await seed({ ...request, setsPerConnection: 6 });
    expect(reshaped.status).toBe(400);
    expect((reshaped.json as { error: string }).error).toMatch(/already seeded with 5 sets/);
    expect(await listAll(first.connections[0]!)).toEqual(before);

    await sb.control.reset();
    expect((await cloudflareCall(sb, first.connections[0]!.apiToken, "/user/tokens/verify")).status).not.toBe(
      200,
    );
    const second = await sb.control.addTenants<CloudflareDemoConnection>(request);
    expect(second.connections).toEqual(first.connections);
    expect(await listAll(second.connections[0]!)).toEqual(before);
  });

  it("injects the requested latency on every request to the vendor", async () => {
    const { fault, connections } = await sb.control.addTenants<CloudflareDemoConnection>({
      vendor: "cloudflare",
      name: "Slow",
      connections: 1,
      setsPerConnection: 1,
      latencyMs: 150,
    });
    expect(fault).toMatchObject({ service: "cloudflare", kind: "latency", delayMs: 150 });
    await sb.control.clearRequests();
    await listAll(connections[0]!);
    const [logged] = await sb.control.requests("cloudflare");
    expect(logged).toMatchObject({ status: 200, fault: "latency" });
  });

  it.each([
    [{ connections: 1, setsPerConnection: 1 }, /vendor is required/],
    [{ vendor: "nope", connections: 1, setsPerConnection: 1 }, /unknown vendor/],
    [{ vendor: "issuers", connections: 1, setsPerConnection: 1 }, /unknown vendor/],
    [{ vendor: "uipath", connections: 1, setsPerConnection: 2 }, /exactly one certificate set/],
    [{ vendor: "cloudflare", connections: 0, setsPerConnection: 1 }, /connections must be/],
    [{ vendor: "cloudflare", connections: 1.5, setsPerConnection: 1 }, /connections must be/],
    [{ vendor: "cloudflare", connections: "2", setsPerConnection: 1 }, /connections must be/],
    [{ vendor: "cloudflare", connections: 1, setsPerConnection: -3 }, /setsPerConnection must be/],
    [{ vendor: "cloudflare", connections: 500, setsPerConnection: 1000 }, /at most 20000 sets/],
    [{ vendor: "cloudflare", name: "../x", connections: 1, setsPerConnection: 1 }, /name must be/],
    [{ vendor: "cloudflare", connections: 1, setsPerConnection: 1, latencyMs: -1 }, /latencyMs/],
  ])("refuses %j with 400", async (body, message) => {
    const res = await seed(body);
    expect(res.status).toBe(400);
    expect((res.json as { error: string }).error).toMatch(message);
  });

  it("refuses a body that is not JSON", async () => {
    const res = await httpRequest(`${new URL(sb.urls.cloudflare).origin}/__sandbox/tenants`, {
      method: "POST",
      body: "connections=3",
    });
    expect(res.status).toBe(400);
  });
});
