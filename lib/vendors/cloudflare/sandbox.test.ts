import { describe, expect, it } from "vitest";

// Special-purpose tokens (no Access permission, disabled) exist only in the sandbox's catalog.
import { CLOUDFLARE_TOKENS } from "@/sandbox/cloudflare/catalog";
import { HANGING_ROUTE_TIMEOUT_MS, testHttp, sandboxFixture } from "../testing/sandbox-fixture";
import { createCloudflareAdapter } from "./adapter";
import { CloudflareClient } from "./client";
import { listAllSamlCertificateSets } from "./list-sets";

const sb = sandboxFixture();
const LIST = /\/access\/saml_certificates$/;
const ROTATE = /\/rotate$/;
const SETS_GLOB = "/client/v4/accounts/*/access/saml_certificates";

function setup(sleeps: number[] = [], maxAttempts = 4, timeoutMs?: number) {
  return createCloudflareAdapter({ http: testHttp(sleeps, maxAttempts, timeoutMs) });
}

describe("Cloudflare adapter against the sandbox: operations", () => {
  it("lists every set of an account and gets one", async () => {
    const adapter = setup();
    const conn = sb.conn("cloudflare", "Initech");
    const sets = await adapter.listCertificateSets(conn);
    expect(sets.length).toBe(30);
    expect(new Set(sets.map((s) => s.id)).size).toBe(30);
    const first = sets[0];
    expect(first).toMatchObject({
      kind: "cloudflare-saml",
      vendor: "cloudflare",
      actions: ["rotate", "download-pem"],
    });
    expect(first?.slots.map((s) => s.slot)).toEqual(["current", "previous"]);
    expect(first?.slots.map((s) => s.role)).toEqual(["signs-now", "kept-during-rotation"]);
    await expect(adapter.getCertificateSet(conn, first?.id ?? "")).resolves.toEqual(first);
  });

  it("pages with a small page size and stops when the API echoes the last page", async () => {
    await sb.control.settings({ cloudflarePastLastPage: "echo-last" });
    const client = new CloudflareClient(sb.conn("cloudflare", "Initech"), testHttp());
    const sets = await listAllSamlCertificateSets(client, 10); // 30 sets: three full pages, then an echo
    expect(sets).toHaveLength(30);
    expect(await sb.count("cloudflare", "GET", LIST)).toBeLessThanOrEqual(4);
  });

  it("rotates once: the old current becomes previous", async () => {
    const adapter = setup();
    const conn = sb.conn("cloudflare", "Acme");
    const [before] = await adapter.listCertificateSets(conn);
    const rotated = await adapter.actions.rotate(conn, { setId: before?.id ?? "" });
    expect(rotated.slots[1]?.vendorId).toBe(before?.slots[0]?.vendorId);
    expect(rotated.slots[0]?.vendorId).not.toBe(before?.slots[0]?.vendorId);
    expect(await sb.count("cloudflare", "POST", ROTATE)).toBe(1);
  });

  it("downloads the current certificate as PEM", async () => {
    const adapter = setup();
    const conn = sb.conn("cloudflare", "Acme");
    const [set] = await adapter.listCertificateSets(conn);
    const download = await adapter.actions["download-pem"](conn, { setId: set?.id ?? "" });
    expect(download.pem).toContain("-----BEGIN CERTIFICATE-----");
    expect(download.pem.trim()).toBe(set?.slots[0]?.certificate?.pem.trim());
  });

  it("an unknown set is not-found", async () => {
    await expect(
      setup().getCertificateSet(sb.conn("cloudflare", "Acme"), "00000000-0000-4000-8000-000000000000"),
    ).rejects.toMatchObject({ kind: "not-found", status: 404 });
  });

  it("tests a connection: success, wrong token, token without Access, wrong account", async () => {
    const adapter = setup();
    const conn = sb.conn("cloudflare", "Acme");
    await expect(adapter.testConnection(conn)).resolves.toMatchObject({ ok: true });
    const wrong = await adapter.testConnection({ ...conn, apiToken: "x".repeat(40) });
    expect(wrong.checks).toEqual([expect.objectContaining({ name: "credentials", ok: false })]);
    const noAccess = await adapter.testConnection({
      ...conn,
      apiToken: CLOUDFLARE_TOKENS.acmeNoAccess.value,
    });
    expect(noAccess.checks[0]?.ok).toBe(true);
    expect(noAccess.checks[1]).toMatchObject({
      ok: false,
      message: expect.stringContaining("Access: Organizations, Identity Providers, and Groups"),
    });
    const otherAccount = await adapter.testConnection({
      ...conn,
      accountId: sb.conn("cloudflare", "Globex").accountId,
    });
    expect(otherAccount.ok).toBe(false);
    expect(otherAccount.checks.at(-1)?.message).toMatch(/account/i);
    const disabled = await adapter.testConnection({
      ...conn,
      apiToken: CLOUDFLARE_TOKENS.acmeDisabled.value,
    });
    expect(disabled.checks[0]).toMatchObject({ ok: false });
  });

  it("carries the cf-ray and never the token in errors", async () => {
    const conn = { ...sb.conn("cloudflare", "Acme"), apiToken: CLOUDFLARE_TOKENS.acmeNoAccess.value };
    const error = await setup()
      .listCertificateSets(conn)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      kind: "permission",
      status: 403,
      vendorCode: "10000",
      requestId: expect.any(String),
    });
    expect(JSON.stringify(error)).not.toContain(conn.apiToken);
  });
});

describe("Cloudflare adapter against the sandbox: faults", () => {
  it("retries a 429 honouring Retry-After", async () => {
    const sleeps: number[] = [];
    await sb.control.fault({ method: "GET", path: SETS_GLOB, kind: "rate-limit", retryAfter: 3, count: 1 });
    await expect(setup(sleeps).listCertificateSets(sb.conn("cloudflare", "Acme"))).resolves.toHaveLength(8);
    expect(sleeps).toEqual([3000]);
  });

  it("retries 5xx reads, then reports unavailable", async () => {
    await sb.control.fault({ method: "GET", path: SETS_GLOB, kind: "status", status: 500 });
    await expect(setup().listCertificateSets(sb.conn("cloudflare", "Acme"))).rejects.toMatchObject({
      kind: "unavailable",
      status: 500,
    });
    expect(await sb.count("cloudflare", "GET", LIST)).toBe(4);
  });

  it("times out, drops and malformed bodies on reads", async () => {
    const conn = sb.conn("cloudflare", "Acme");
    await sb.control.fault({ method: "GET", path: SETS_GLOB, kind: "timeout", delayMs: 3000, count: 2 });
    await expect(setup([], 2, HANGING_ROUTE_TIMEOUT_MS).listCertificateSets(conn)).rejects.toMatchObject({
      kind: "timeout",
    });
    await sb.control.fault({ method: "GET", path: SETS_GLOB, kind: "drop", count: 2 });
    await expect(setup([], 2).listCertificateSets(conn)).rejects.toMatchObject({ kind: "connection-lost" });
    expect(await sb.count("cloudflare", "GET", LIST)).toBe(4);
    await sb.control.fault({ method: "GET", path: SETS_GLOB, kind: "malformed", count: 1 });
    await expect(setup().listCertificateSets(conn)).rejects.toMatchObject({ kind: "malformed-response" });
  });

  it("a 429 on rotate is not retried", async () => {
    const adapter = setup();
    const conn = sb.conn("cloudflare", "Acme");
    const [set] = await adapter.listCertificateSets(conn);
    await sb.control.fault({
      method: "POST",
      path: `${SETS_GLOB}/*/rotate`,
      kind: "rate-limit",
      retryAfter: 1,
    });
    await expect(adapter.actions.rotate(conn, { setId: set?.id ?? "" })).rejects.toMatchObject({
      kind: "rate-limited",
      outcome: "not-applied",
    });
    expect(await sb.count("cloudflare", "POST", ROTATE)).toBe(1);
  });

  it("a lost answer to a rotate is an ambiguous write, sent once, re-read as applied", async () => {
    const adapter = setup();
    const conn = sb.conn("cloudflare", "Acme");
    const [set] = await adapter.listCertificateSets(conn);
    await sb.control.fault({
      method: "POST",
      path: `${SETS_GLOB}/*/rotate`,
      kind: "lost-response",
      count: 1,
    });
    const error = await adapter.actions.rotate(conn, { setId: set?.id ?? "" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "ambiguous-write", ambiguous: true, outcome: "applied" });
    expect((error as Error & { userMessage: string }).userMessage).toContain("Do not repeat it");
    expect(await sb.count("cloudflare", "POST", ROTATE)).toBe(1);
  });

  it("a timed-out rotate is an ambiguous write, sent once", async () => {
    const adapter = setup([], 4, HANGING_ROUTE_TIMEOUT_MS);
    const conn = sb.conn("cloudflare", "Acme");
    const [set] = await adapter.listCertificateSets(conn);
    await sb.control.fault({
      method: "POST",
      path: `${SETS_GLOB}/*/rotate`,
      kind: "timeout",
      delayMs: 3000,
      count: 1,
    });
    await expect(adapter.actions.rotate(conn, { setId: set?.id ?? "" })).rejects.toMatchObject({
      kind: "ambiguous-write",
      ambiguous: true,
      waitedMs: 1000,
    });
    expect(await sb.count("cloudflare", "POST", ROTATE)).toBe(1);
  });
});
