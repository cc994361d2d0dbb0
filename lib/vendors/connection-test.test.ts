import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createCloudflareAdapter } from "./cloudflare/adapter";
import { createHuaweiAdapter } from "./huawei/adapter";
import type { ConnectionFor } from "./model";
import { startScriptedServer } from "./testing/scripted-server";
import { startUntrustedTlsServer } from "./testing/tls-server";
import { createUiPathAdapter } from "./uipath/adapter";
import { TokenCache } from "./uipath/auth";
import { allowCustomHost } from "./testing/custom-host";

// Transport failures as a connection test reports them: unreachable host, TLS, wrong base URL.
const http = { timeoutMs: 15_000, retry: { maxAttempts: 1 } }; // generous: none of these servers hangs
let tls: Awaited<ReturnType<typeof startUntrustedTlsServer>>;
let closedUrl = "";
let html: Awaited<ReturnType<typeof startScriptedServer>>;

beforeAll(async () => {
  tls = await startUntrustedTlsServer();
  const probe = await startScriptedServer({});
  closedUrl = probe.url;
  await probe.close();
  allowCustomHost(closedUrl); // a listed gateway that is down: the request is tried, and refused

  html = await startScriptedServer({
    "/identity_/connect/token": (_q, res) =>
      res.writeHead(200, { "content-type": "text/html" }).end("<!DOCTYPE html><title>Login</title>"),
  });
});
afterAll(async () => {
  tls.close();
  await html.close();
});

const cloudflare = (baseUrl: string): ConnectionFor<"cloudflare"> => ({
  id: "cf",
  vendor: "cloudflare",
  name: "cf",
  baseUrl,
  accountId: "0".repeat(32),
  apiToken: "t".repeat(40),
});
const uipath = (baseUrl: string): ConnectionFor<"uipath"> => ({
  id: "ui",
  vendor: "uipath",
  name: "ui",
  baseUrl,
  organizationName: "acme",
  partitionGlobalId: "3fa85f64-5717-4562-b3fc-2c963f66afa6",
  clientId: "app",
  clientSecret: "s",
  scopes: "PM.AuthSetting",
});
const huawei = (baseUrl: string): ConnectionFor<"huawei"> => ({
  id: "hw",
  vendor: "huawei",
  name: "hw",
  baseUrl,
  region: "ap-southeast-1",
  identityStoreId: "d-1234567890",
  accessKeyId: "AKEXAMPLE0000000",
  secretAccessKey: "sk",
});

describe("connection test transport failures", () => {
  it("names an unreachable host", async () => {
    const result = await createCloudflareAdapter({ http }).testConnection(
      cloudflare(`${closedUrl}/client/v4`),
    );
    expect(result).toMatchObject({
      ok: false,
      checks: [
        {
          name: "credentials",
          ok: false,
          message: expect.stringMatching(/^Cannot reach 127\.0\.0\.1:\d+: connection refused/),
        },
      ],
    });
  });

  it("names a TLS failure", async () => {
    const result = await createHuaweiAdapter({ http }).testConnection(huawei(tls.url));
    expect(result.checks[0]).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^The TLS connection to 127\.0\.0\.1:\d+ failed: /),
    });
    expect(result.checks[0]?.error).toMatchObject({ kind: "tls" });
  });

  it("names the URL of a token endpoint that answers a web page", async () => {
    const result = await createUiPathAdapter({ tokens: new TokenCache(), http }).testConnection(
      uipath(html.url),
    );
    expect(result.checks[0]?.message).toContain(
      `${html.url}/identity_/connect/token answered text/html instead of JSON (an HTML page`,
    );
  });
});
