import { describe, expect, it } from "vitest";

import { connectionInputSchema, type Vendor } from "@/lib/connections/schemas";
import { httpRequest } from "@/sandbox/testing/http";
import { createCloudflareAdapter } from "./cloudflare/adapter";
import { createHuaweiAdapter } from "./huawei/adapter";
import type { CertificateSet, VendorConnection } from "./model";
import { sandboxFixture, testHttp } from "./testing/sandbox-fixture";
import { createUiPathAdapter } from "./uipath/adapter";

// Large tenants seeded through the sandbox's control plane (POST /__sandbox/tenants), read back
// through the real adapters exactly as hand-made connections are.
const sb = sandboxFixture();

const adapters = () => {
  const http = testHttp();
  return {
    uipath: createUiPathAdapter({ http }),
    cloudflare: createCloudflareAdapter({ http }),
    huawei: createHuaweiAdapter({ http }),
  };
};

async function seed(body: Record<string, unknown>): Promise<VendorConnection[]> {
  const { connections } = await sb.control.addTenants(body as never);
  return connections.map((c, i) => ({
    id: `${String(body.vendor)}-${i}`,
    ...connectionInputSchema.parse(c),
  }));
}

const postTenants = (body: unknown) =>
  httpRequest(`${new URL(sb.sandbox.urls.cloudflare).origin}/__sandbox/tenants`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

async function listAll(conns: VendorConnection[]): Promise<CertificateSet[][]> {
  const all = adapters();
  return Promise.all(conns.map((conn) => all[conn.vendor].listCertificateSets(conn as never)));
}

const thumbprints = (sets: CertificateSet[][]) =>
  sets.flat().flatMap((set) => set.slots.flatMap((slot) => slot.certificate?.sha256 ?? []));

describe("sandbox tenants read through the real adapters", () => {
  it.each([
    ["cloudflare", 3, 7],
    ["huawei", 3, 7],
    ["uipath", 4, 1],
  ] as const)(
    "%s: N connections × M sets list exactly N×M sets of distinct certificates",
    async (vendor, n, m) => {
      const conns = await seed({ vendor, name: "Many", connections: n, setsPerConnection: m });
      expect(conns).toHaveLength(n);
      expect(conns.every((c) => c.vendor === vendor)).toBe(true);
      const sets = await listAll(conns);
      expect(sets.map((s) => s.length)).toEqual(Array(n).fill(m));
      const prints = thumbprints(sets);
      expect(prints.length).toBeGreaterThanOrEqual(n * m);
      expect(new Set(prints).size).toBe(prints.length);
      // Every set has a slot sign-in depends on, with a real date.
      for (const set of sets.flat()) expect(set.slots.some((slot) => slot.certificate?.notAfter)).toBe(true);
    },
  );

  it("Cloudflare pages a large account as it does a hand-made one", async () => {
    const [conn] = await seed({
      vendor: "cloudflare",
      name: "Paged",
      connections: 1,
      setsPerConnection: 250,
    });
    await sb.control.clearRequests();
    const [sets] = await listAll([conn!]);
    expect(sets).toHaveLength(250);
    const pages = (await sb.control.requests("cloudflare")).filter((r) =>
      r.path.endsWith("/saml_certificates"),
    );
    expect(pages).toHaveLength(3); // 100 per page
  });

  it("UiPath spreads federated credentials over apps of at most 20, all listed", async () => {
    const conns = await seed({
      vendor: "uipath",
      name: "Fleet",
      connections: 2,
      setsPerConnection: 1,
      federatedCredentialsPerConnection: 45,
    });
    const ops = adapters().uipath.federatedCredentials;
    for (const conn of conns as Extract<VendorConnection, { vendor: "uipath" }>[]) {
      const apps = await ops.listExternalApplications(conn);
      const fleets = apps.filter((a) => a.name.startsWith("Fleet"));
      const perApp = await Promise.all(fleets.map((a) => ops.listFederatedCredentials(conn, a.clientId)));
      expect(perApp.map((c) => c.length)).toEqual([20, 20, 5]);
      expect(apps.some((a) => a.name === "Trustdeck")).toBe(true);
      // The 20 limit holds for the seeded app as for any other.
      const full = fleets[0]!;
      const refused = ops.createFederatedCredential(conn, full.clientId, {
        name: "one-too-many",
        issuer: sb.sandbox.urls.issuers["github-actions"]!,
        audience: "https://cloud.uipath.com/x",
        subject: "repo:x/y:ref:refs/heads/main",
      });
      await expect(refused).rejects.toMatchObject({ kind: "validation" });
    }
  });

  it("a tenant's credentials reach its own account only", async () => {
    const all = adapters();
    for (const vendor of ["uipath", "cloudflare", "huawei"] as const) {
      const [a, b] = await seed({ vendor, name: "Apart", connections: 2, setsPerConnection: 1 });
      const crossed = { ...a!, ...accountOf(b!) } as never;
      await expect(all[vendor].listCertificateSets(crossed)).rejects.toMatchObject({
        kind: expect.stringMatching(/not-found|forbidden|auth|wrong-account/),
      });
    }
  });

  it("UiPath rate limits each seeded organization on its own (300 GETs per 5 minutes)", async () => {
    const [a, b] = await seed({ vendor: "uipath", name: "Busy", connections: 2, setsPerConnection: 1 });
    const signIn = async (conn: VendorConnection) => {
      if (conn.vendor !== "uipath") throw new Error("uipath only");
      const res = await httpRequest(`${conn.baseUrl}/identity_/connect/token`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          grant_type: "client_credentials",
          client_id: conn.clientId,
          client_secret: conn.clientSecret,
          scope: conn.scopes,
        }).toString(),
      });
      return { conn, token: (res.json as { access_token: string }).access_token };
    };
    const get = ({ conn, token }: Awaited<ReturnType<typeof signIn>>) =>
      conn.vendor === "uipath"
        ? httpRequest(
            `${conn.baseUrl}/${conn.organizationName}/identity_/api/SamlCertificate/${conn.partitionGlobalId}/certificates`,
            { headers: { authorization: `Bearer ${token}` } },
          )
        : Promise.reject(new Error("uipath only"));
    const first = await signIn(a!);
    const statuses: number[] = [];
    for (let i = 0; i < 301; i++) statuses.push((await get(first)).status);
    expect(statuses.slice(0, 300).every((s) => s === 200)).toBe(true);
    expect(statuses[300]).toBe(429);
    expect((await get(await signIn(b!))).status).toBe(200);
  });
});

describe("POST /__sandbox/tenants: additive, idempotent by name, refusals", () => {
  it.each(["uipath", "cloudflare", "huawei"] as const)(
    "%s: the same request again answers the same connections and adds nothing; more connections add the rest",
    async (vendor: Vendor) => {
      const body = { vendor, name: "Again", connections: 2, setsPerConnection: 1 };
      const first = await seed(body);
      const before = await listAll(first);
      expect(await seed(body)).toEqual(first);
      expect(await listAll(first)).toEqual(before);
      const grown = await seed({ ...body, connections: 3 });
      expect(grown.slice(0, 2)).toEqual(first);
      expect(await listAll(grown)).toEqual([...before, ...(await listAll(grown.slice(2)))]);
    },
  );

  it.each([
    [{ vendor: "huawei", name: "Shape", connections: 1, setsPerConnection: 3 }, /already seeded with 2 sets/],
    [
      { vendor: "cloudflare", name: "Shape", connections: 1, setsPerConnection: 3 },
      /already seeded with 2 sets/,
    ],
    [
      {
        vendor: "uipath",
        name: "Shape",
        connections: 1,
        setsPerConnection: 1,
        federatedCredentialsPerConnection: 3,
      },
      /already seeded with 0 federated credentials/,
    ],
  ])("refuses a name already seeded with another shape, and adds nothing: %j", async (body, message) => {
    const first = await seed({
      ...body,
      setsPerConnection: body.vendor === "uipath" ? 1 : 2,
      federatedCredentialsPerConnection: undefined,
    });
    const before = await listAll(first);
    const res = await postTenants({ ...body, connections: 2 });
    expect(res.status).toBe(400);
    expect((res.json as { error: string }).error).toMatch(message);
    expect(await listAll(first)).toEqual(before);
    // The refused request added no second account either.
    const again = await postTenants({ ...body, connections: 2, name: "Other" });
    expect(again.status).toBe(201);
  });

  it.each([
    [{ vendor: "uipath", connections: 1, setsPerConnection: 2 }, /exactly one certificate set/],
    [
      { vendor: "huawei", connections: 1, setsPerConnection: 1, federatedCredentialsPerConnection: 2 },
      /no federated credentials/,
    ],
    [
      { vendor: "cloudflare", connections: 1, setsPerConnection: 1, federatedCredentialsPerConnection: 1 },
      /no federated credentials/,
    ],
    [
      { vendor: "uipath", connections: 1, setsPerConnection: 1, federatedCredentialsPerConnection: -1 },
      /federatedCredentialsPerConnection must be/,
    ],
    [
      { vendor: "uipath", connections: 1, setsPerConnection: 1, federatedCredentialsPerConnection: 2.5 },
      /federatedCredentialsPerConnection must be/,
    ],
    [
      { vendor: "uipath", connections: 1, setsPerConnection: 1, federatedCredentialsPerConnection: "3" },
      /federatedCredentialsPerConnection must be/,
    ],
    [
      { vendor: "uipath", connections: 500, setsPerConnection: 1, federatedCredentialsPerConnection: 41 },
      /at most 20000 federated/,
    ],
    [{ vendor: "huawei", connections: 1, setsPerConnection: 0 }, /setsPerConnection must be/],
  ])("refuses %j with 400", async (body, message) => {
    const res = await postTenants(body);
    expect(res.status).toBe(400);
    expect((res.json as { error: string }).error).toMatch(message);
  });
});

/** The fields that name a connection's account, to point one tenant's credentials at another's. */
function accountOf(conn: VendorConnection): Record<string, string> {
  switch (conn.vendor) {
    case "uipath":
      return { organizationName: conn.organizationName, partitionGlobalId: conn.partitionGlobalId };
    case "cloudflare":
      return { accountId: conn.accountId };
    case "huawei":
      return { identityStoreId: conn.identityStoreId };
  }
}
