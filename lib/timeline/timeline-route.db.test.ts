// GET /api/timeline, the Overview timeline's data after the page: a session, and nothing of a
// certificate beyond what the timeline draws (no PEM), nor anything of the connection's secret.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openDatabase } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/session";
import { createConnection } from "@/lib/connections/data";
import { generateKey, parseKey } from "@/lib/secrets/crypto";

const state = vi.hoisted(() => ({ actor: null as Actor | null, db: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ currentActor: async () => state.actor }));
vi.mock("@/lib/db/get-db", () => ({ getDb: async () => state.db }));

const { GET } = await import("@/app/api/timeline/route");
const { applyCertificateSnapshot } = await import("@/lib/inventory/snapshot");
const { fakeSet, fakeSummary } = await import("@/lib/inventory/testing/fake-certificates");

const API_TOKEN = "tok-TIMELINE-SECRET-0123456789abcdef0123456789";
const TIMELINE_FIELDS = [
  "key",
  "vendor",
  "connectionId",
  "connectionName",
  "setId",
  "setLabel",
  "setHref",
  "slot",
  "state",
  "role",
  "sha256",
  "subject",
  "commonName",
  "notBefore",
  "notAfter",
];
const viewer: Actor = { id: crypto.randomUUID(), name: "Vera", username: "vera", role: "viewer" };
const get = () => GET(new Request("http://127.0.0.1/api/timeline"), { params: Promise.resolve({}) });

let handle: Awaited<ReturnType<typeof openDatabase>>;

beforeAll(async () => {
  handle = await openDatabase({ pgliteDir: "memory://" });
  state.db = handle.db;
  const view = await createConnection(handle.db, parseKey(generateKey()), {
    vendor: "cloudflare",
    name: "Acme",
    baseUrl: "https://api.cloudflare.com/client/v4",
    accountId: "0123456789abcdef0123456789abcdef",
    apiToken: API_TOKEN,
  } as never);
  const connection = { id: view.id, name: "Acme", vendor: "cloudflare" as const };
  const sets = Array.from({ length: 30 }, (_, i) =>
    fakeSet(
      view.id,
      `set-${i}`,
      fakeSummary(`current-${i}`, "2027-06-01T00:00:00.000Z", { issuer: "CN=Issuer Only In The PEM" }),
      fakeSummary(`previous-${i}`, "2026-12-01T00:00:00.000Z"),
    ),
  );
  await applyCertificateSnapshot(handle.db, { connection, sets, now: new Date("2026-06-01T00:00:00Z") });
});
afterAll(() => handle?.close());

describe("GET /api/timeline", () => {
  it("answers 401 without a session, with no certificate in the body", async () => {
    state.actor = null;
    const response = await get();
    expect(response.status).toBe(401);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(text).not.toContain("current-0");
  });

  it("gives a viewer every certificate with the timeline's fields only: no PEM, issuer, serial or secret", async () => {
    state.actor = viewer;
    const response = await get();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const text = await response.text();
    const body = JSON.parse(text) as { ok: true; data: { certificates: Record<string, unknown>[] } };
    expect(body.ok).toBe(true);
    expect(body.data.certificates).toHaveLength(60);
    for (const cert of body.data.certificates)
      for (const field of Object.keys(cert)) expect(TIMELINE_FIELDS).toContain(field);
    expect(body.data.certificates.map((c) => c.commonName)).toContain("current-29");
    expect(text).not.toContain("BEGIN CERTIFICATE");
    expect(text).not.toContain(Buffer.from("current-0").toString("base64"));
    expect(text).not.toContain("Issuer Only In The PEM");
    expect(text).not.toContain(API_TOKEN);
    expect(text).not.toMatch(/serialNumber|"issuer"|"pem"/);
  });
});
