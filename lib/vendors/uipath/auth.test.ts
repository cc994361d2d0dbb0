import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { ConnectionFor } from "../model";
import { json, startScriptedServer } from "../testing/scripted-server";
import { createUiPathAdapter } from "./adapter";
import { TokenCache } from "./auth";

const PEM = readFileSync(join(__dirname, "../../x509/fixtures/ec-p256.pem"), "utf8");
const PGID = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
const pair = {
  partitionGlobalId: PGID,
  primaryCertificateId: 7,
  primaryCertificate: PEM,
  primaryCertificateThumbprint: "AB",
  secondaryCertificateId: 0,
  secondaryCertificate: null,
  secondaryCertificateThumbprint: null,
};

let server: Awaited<ReturnType<typeof startScriptedServer>>;
let issued = 0;
let validTokens = new Set<string>();
let html = false;

function conn(overrides: Partial<ConnectionFor<"uipath">> = {}): ConnectionFor<"uipath"> {
  return {
    id: "c1",
    vendor: "uipath",
    name: "UiPath",
    baseUrl: server.url,
    organizationName: "acme",
    partitionGlobalId: PGID,
    clientId: "app",
    clientSecret: "s3cret-value",
    scopes: "PM.AuthSetting PM.OAuthApp",
    ...overrides,
  };
}

beforeAll(async () => {
  server = await startScriptedServer({
    "POST /identity_/connect/token": (req, res) => {
      if (html)
        return void res.writeHead(200, { "content-type": "text/html" }).end("<!DOCTYPE html><p>Sign in</p>");
      const form = new URLSearchParams(req.body);
      if (form.get("client_secret") !== "s3cret-value") return json(res, 400, { error: "invalid_client" });
      if (form.get("scope")?.includes("PM.Nope")) return json(res, 400, { error: "invalid_scope" });
      const token = `tok-${++issued}`;
      validTokens.add(token);
      // Answer late so that concurrent callers overlap with the one in-flight request.
      setTimeout(
        () =>
          json(res, 200, {
            access_token: token,
            expires_in: 3600,
            token_type: "Bearer",
            scope: form.get("scope"),
          }),
        50,
      );
    },
    [`GET /acme/identity_/api/SamlCertificate/${PGID}/certificates`]: (req, res) => {
      const token = req.headers.authorization?.replace("Bearer ", "") ?? "";
      if (!validTokens.has(token))
        return json(res, 401, {}, { "www-authenticate": 'Bearer error="invalid_token"' });
      json(res, 200, pair);
    },
  });
});
afterAll(() => server.close());

describe("UiPath client-credentials token cache", () => {
  it("shares one token request among 50 concurrent calls", async () => {
    const before = server.countOf("POST", "/identity_/connect/token");
    const adapter = createUiPathAdapter({ tokens: new TokenCache() });
    const sets = await Promise.all(Array.from({ length: 50 }, () => adapter.listCertificateSets(conn())));
    expect(sets).toHaveLength(50);
    expect(sets[0]?.[0]?.slots[0]?.certificate?.sha256).toMatch(/^[0-9A-F]{64}$/);
    expect(server.countOf("POST", "/identity_/connect/token") - before).toBe(1);
  });

  it("reuses the token until about 60 s before expiry, then fetches a new one", async () => {
    let now = Date.parse("2026-01-01T00:00:00Z");
    const adapter = createUiPathAdapter({ tokens: new TokenCache(), http: { now: () => now } });
    const before = server.countOf("POST", "/identity_/connect/token");
    await adapter.listCertificateSets(conn());
    now += 3_500_000; // 58 min 20 s: still more than 60 s left
    await adapter.listCertificateSets(conn());
    expect(server.countOf("POST", "/identity_/connect/token") - before).toBe(1);
    now += 50_000; // 50 s left: refresh
    await adapter.listCertificateSets(conn());
    expect(server.countOf("POST", "/identity_/connect/token") - before).toBe(2);
  });

  it("refreshes once and retries once when the vendor rejects the cached token", async () => {
    const tokens = new TokenCache();
    const adapter = createUiPathAdapter({ tokens });
    await adapter.listCertificateSets(conn());
    validTokens = new Set(); // every issued token is now revoked
    const beforeTokens = server.countOf("POST", "/identity_/connect/token");
    await expect(adapter.listCertificateSets(conn())).resolves.toHaveLength(1);
    expect(server.countOf("POST", "/identity_/connect/token") - beforeTokens).toBe(1);
  });

  it("drops the cached token when the secret changes", async () => {
    const tokens = new TokenCache();
    const adapter = createUiPathAdapter({ tokens });
    await adapter.listCertificateSets(conn());
    await expect(adapter.listCertificateSets(conn({ clientSecret: "rotated" }))).rejects.toMatchObject({
      kind: "auth",
      vendorCode: "invalid_client",
    });
  });

  it("maps invalid_client and invalid_scope to clear messages, without the secret", async () => {
    const adapter = createUiPathAdapter({ tokens: new TokenCache() });
    const wrong = await adapter
      .listCertificateSets(conn({ clientSecret: "wrong-secret" }))
      .catch((e: unknown) => e);
    expect(wrong).toMatchObject({ kind: "auth", vendorCode: "invalid_client", retryable: false });
    expect(JSON.stringify(wrong)).toContain("App secret");
    expect(JSON.stringify(wrong)).not.toContain("wrong-secret");
    const scope = await adapter
      .listCertificateSets(conn({ id: "c2", scopes: "PM.AuthSetting PM.Nope" }))
      .catch((e: unknown) => e);
    expect(scope).toMatchObject({ kind: "permission", vendorCode: "invalid_scope" });
    expect(JSON.stringify(scope)).toContain("PM.Nope");
  });

  it("names the URL when the token endpoint answers HTML", async () => {
    html = true;
    try {
      const error = await createUiPathAdapter({ tokens: new TokenCache() })
        .listCertificateSets(conn())
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: "wrong-base-url", operation: "obtain an access token" });
      expect(JSON.stringify(error)).toContain(
        `${server.url}/identity_/connect/token answered text/html instead of JSON`,
      );
    } finally {
      html = false;
    }
  });

  it("reports a failing token request in the connection test without throwing", async () => {
    const result = await createUiPathAdapter({ tokens: new TokenCache() }).testConnection(
      conn({ clientSecret: "nope" }),
    );
    expect(result.ok).toBe(false);
    expect(result.checks).toEqual([
      expect.objectContaining({
        name: "credentials",
        ok: false,
        message: expect.stringContaining("invalid_client"),
      }),
    ]);
  });
});
