import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { ConnectionFor } from "../model";
import { json, startScriptedServer } from "../testing/scripted-server";
import { clearCertificateSummaryCache } from "../certificate-slot";
import { createCloudflareAdapter } from "./adapter";

// The requests as sent and the pagination guard against a scripted fake; the full behaviour is tested
// against the sandbox in sandbox.test.ts.

const PEM = readFileSync(join(__dirname, "../../x509/fixtures/ec-p256.pem"), "utf8");
const PREVIOUS_PEM = readFileSync(join(__dirname, "../../x509/fixtures/leaf.pem"), "utf8");
const ACCOUNT = "023e105f4ecef8ad9ca31a8372d0c353";
const BASE = `/client/v4/accounts/${ACCOUNT}/access/saml_certificates`;

function set(n: number) {
  const uid = `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
  return {
    uid,
    created_at: "2026-01-01T00:00:00Z",
    updated_at: "2026-01-01T00:00:00Z",
    current_certificate: {
      uid: `c-${n}`,
      public_certificate: PEM,
      not_after: "2027-01-01T00:00:00Z",
      is_current: true,
    },
    // Every other set has been rotated: both slot shapes are listed.
    previous_certificate:
      n % 2 === 0
        ? {
            uid: `p-${n}`,
            public_certificate: PREVIOUS_PEM,
            not_after: "2026-06-01T00:00:00Z",
            is_current: false,
          }
        : null,
  };
}
const ALL = Array.from({ length: 230 }, (_, i) => set(i + 1));
let echoLastPage = false;
let seenHeaders: Record<string, string | string[] | undefined> = {};
let seenPemHeaders: Record<string, string | string[] | undefined> = {};

let server: Awaited<ReturnType<typeof startScriptedServer>>;
const conn = (): ConnectionFor<"cloudflare"> => ({
  id: "cf",
  vendor: "cloudflare",
  name: "CF",
  baseUrl: `${server.url}/client/v4`,
  accountId: ACCOUNT,
  apiToken: "cf-token-0123456789",
});

beforeAll(async () => {
  server = await startScriptedServer({
    [`GET ${BASE}`]: (req, res) => {
      seenHeaders = req.headers;
      const query = new URL(req.path, "http://x").searchParams;
      const perPage = Number(query.get("per_page"));
      let page = Number(query.get("page"));
      const pages = Math.ceil(ALL.length / perPage);
      if (echoLastPage && page > pages) page = pages; // the API bug the guard exists for
      const result = ALL.slice((page - 1) * perPage, page * perPage);
      // No total_pages: the SDK ignores it anyway; the guard must stop on its own.
      json(
        res,
        200,
        {
          success: true,
          errors: [],
          messages: [],
          result,
          result_info: { page, per_page: perPage, count: result.length },
        },
        { "cf-ray": "ray-list" },
      );
    },
    [`GET ${BASE}/${set(1).uid}`]: (_q, res) =>
      json(res, 200, { success: true, errors: [], messages: [], result: set(1) }),
    [`POST ${BASE}/${set(1).uid}/rotate`]: (_q, res) => res.socket?.destroy(),
    [`GET ${BASE}/${set(2).uid}`]: (_q, res) =>
      json(
        res,
        403,
        {
          success: false,
          errors: [{ code: 10000, message: "Authentication error" }],
          messages: [],
          result: null,
        },
        { "cf-ray": "8f1e2d3c4b5a6978-FRA" },
      ),
    [`GET ${BASE}/${set(1).uid}/pem`]: (req, res) => {
      seenPemHeaders = req.headers;
      res.writeHead(200, { "content-type": "application/x-pem-file" }).end(PEM);
    },
  });
});
afterAll(() => server.close());

describe("Cloudflare adapter", () => {
  it("lists every set across pages, asking for JSON with the connection's token", async () => {
    const sets = await createCloudflareAdapter().listCertificateSets(conn());
    expect(sets).toHaveLength(230);
    expect(new Set(sets.map((s) => s.id)).size).toBe(230);
    expect(seenHeaders.authorization).toBe("Bearer cf-token-0123456789");
    expect(seenHeaders.accept).toBe("application/json");
  });

  it("lists known certificates at once as it listed them first, in fresh objects, an unreadable one included", async () => {
    const unreadable = {
      ...set(999),
      current_certificate: { ...set(999).current_certificate, public_certificate: "not a PEM" },
    };
    ALL.push(unreadable);
    try {
      clearCertificateSummaryCache();
      const adapter = createCloudflareAdapter();
      const first = await adapter.listCertificateSets(conn());
      const again = await adapter.listCertificateSets(conn());
      expect(again).toEqual(first);
      const bad = again.find((s) => s.id === unreadable.uid);
      expect(bad?.slots[0]).toMatchObject({
        slot: "current",
        certificate: null,
        parseError: expect.any(String),
      });
      expect(again[0]!.slots[0]).toMatchObject({ slot: "current", role: "signs-now", vendorId: "c-1" });
      expect(again[1]!.slots[1]).toMatchObject({
        slot: "previous",
        role: "kept-during-rotation",
        vendorId: "p-2",
        certificate: { sha256: expect.any(String) },
      });
      // The same fields in the same order: stored digests of unchanged sets stay unchanged.
      expect(JSON.stringify(again)).toBe(JSON.stringify(first));
      // Each listing hands out its own sets: what one caller changes, the next listing never sees.
      expect(again[0]).not.toBe(first[0]);
      again[0]!.slots.pop();
      again[0]!.actions.push("rotate");
      expect((await adapter.listCertificateSets(conn()))[0]).toEqual(first[0]);
    } finally {
      ALL.pop();
    }
  });

  it("stops and de-duplicates when the API echoes the last page for pages past the end", async () => {
    echoLastPage = true;
    // 300 sets = three full pages, so only the echo of page 3 as "page 4" can end the loop.
    ALL.push(...Array.from({ length: 70 }, (_, i) => set(231 + i)));
    try {
      const before = server.countOf("GET", BASE);
      const sets = await createCloudflareAdapter().listCertificateSets(conn());
      expect(sets).toHaveLength(300);
      expect(server.countOf("GET", BASE) - before).toBe(4);
    } finally {
      echoLastPage = false;
    }
  });

  it("maps 403 10000 to a permission error naming the permission, with the cf-ray", async () => {
    const error = await createCloudflareAdapter()
      .getCertificateSet(conn(), set(2).uid)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      kind: "permission",
      status: 403,
      vendorCode: "10000",
      requestId: "8f1e2d3c4b5a6978-FRA",
    });
    expect(JSON.stringify(error)).toContain("Access: Organizations, Identity Providers, and Groups");
    expect(JSON.stringify(error)).not.toContain("cf-token");
  });

  it("sends a rotate once; a dropped answer is an ambiguous write, re-read as not applied", async () => {
    const error = await createCloudflareAdapter()
      .actions.rotate(conn(), { setId: set(1).uid })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "ambiguous-write", ambiguous: true, outcome: "not-applied" });
    expect(server.countOf("POST", `${BASE}/${set(1).uid}/rotate`)).toBe(1);
  });

  it("downloads the PEM as text, asking for a PEM file with the connection's token", async () => {
    await expect(
      createCloudflareAdapter().actions["download-pem"](conn(), { setId: set(1).uid }),
    ).resolves.toMatchObject({ pem: PEM });
    expect(seenPemHeaders.accept).toBe("application/x-pem-file");
    expect(seenPemHeaders.authorization).toBe("Bearer cf-token-0123456789");
  });
});
