import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";

import { VendorError } from "./errors";
import {
  VendorHttpClient,
  type ErrorDetails,
  type HttpDepsInput,
  type HttpMethod,
  type OutgoingRequest,
} from "./http";
import { expectEmpty, expectJson, expectText, jsonBodyOf, type RawResponse } from "./http-response";
import { json, startScriptedServer } from "./testing/scripted-server";
import { startUntrustedTlsServer } from "./testing/tls-server";
import { allowCustomHost } from "./testing/custom-host";
import { writeWithReconciliation } from "./reconcile";

const itemSchema = z.object({ id: z.string() });

class TestClient extends VendorHttpClient {
  readonly vendor = "cloudflare" as const;
  authCalls: OutgoingRequest[] = [];
  recoveries = 0;
  constructor(
    private readonly baseUrl: string,
    deps: HttpDepsInput,
    private readonly recover = false,
  ) {
    super(deps);
  }
  protected apiBase() {
    return this.baseUrl;
  }
  protected async buildAuthHeaders(request: OutgoingRequest) {
    this.authCalls.push(request);
    return { authorization: `Bearer secret-token-${request.attempt}` };
  }
  protected describeError(raw: RawResponse): ErrorDetails {
    const body = z.object({ message: z.string() }).safeParse(jsonBodyOf(raw));
    return {
      vendorMessage: body.success ? body.data.message : undefined,
      requestId: raw.headers.get("x-request-id") ?? undefined,
    };
  }
  protected secrets() {
    return ["secret-token-1", "secret-token-2"];
  }
  protected override async recoverFromAuthFailure() {
    this.recoveries++;
    return this.recover;
  }
  hit(method: HttpMethod, path: string, body?: string): Promise<unknown> {
    const url = new URL(path, this.baseUrl);
    if (method === "GET") return this.send({ operation: "test", method, url, read: expectJson(itemSchema) });
    return this.send({ operation: "test", method, url, body, read: expectEmpty() });
  }
  pem(path: string) {
    return this.send({
      operation: "download",
      method: "GET",
      url: new URL(path, this.baseUrl),
      read: expectText(["application/x-pem-file"], z.string()),
    });
  }
}

/** A loopback port nobody listens on, named as a custom vendor host (a gateway that is down). */
async function closedPort(): Promise<string> {
  const probe = await startScriptedServer({});
  await probe.close();
  allowCustomHost(probe.url);
  return probe.url;
}

let server: Awaited<ReturnType<typeof startScriptedServer>>;
const sleeps: number[] = [];
const deps: HttpDepsInput = {
  sleep: async (ms) => void sleeps.push(ms),
  now: () => Date.parse("2026-01-01T00:00:00Z"),
  random: () => 0.5,
  // Generous for a busy machine; only the routes that never answer get the short timeout below.
  timeoutMs: 15_000,
};
/** For `/hang` and `/stall-body`, which never finish: a short timeout is safe whatever the machine's speed. */
const hangingDeps: HttpDepsInput = { ...deps, timeoutMs: 300 };

beforeAll(async () => {
  server = await startScriptedServer({
    "/ok": (_q, res) => json(res, 200, { id: "a" }),
    "/flaky": (_q, res, n) =>
      n <= 2 ? json(res, 429, { message: "slow down" }, { "retry-after": "2" }) : json(res, 200, { id: "b" }),
    "/date": (_q, res, n) =>
      n === 1
        ? json(res, 503, {}, { "retry-after": "Thu, 01 Jan 2026 00:00:07 GMT" })
        : json(res, 200, { id: "c" }),
    "/long-block": (_q, res) => json(res, 429, { message: "blocked" }, { "retry-after": "300" }),
    "/down": (_q, res) => json(res, 503, { message: "down for maintenance" }, { "x-request-id": "req-503" }),
    "/hang": () => undefined,
    "/stall-body": (_q, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"id":');
    },
    "/drop": (_q, res) => res.socket?.destroy(),
    // The first request to reach it on a reused connection has that connection reset.
    "/reset-when-reused": (q, res, n) =>
      n === 1 && q.reused ? res.socket?.destroy() : json(res, 200, { id: "fresh" }),
    "/state": (_q, res) => json(res, 200, { id: "unchanged" }),
    "/html": (_q, res) =>
      res.writeHead(200, { "content-type": "text/html" }).end("<!DOCTYPE html><html>login</html>"),
    "/shape": (_q, res) => json(res, 200, { id: 42 }),
    "/redirect": (_q, res) => res.writeHead(302, { location: "https://example.com/login" }).end(),
    "/echo-secret": (_q, res) => json(res, 400, { message: "bad header Bearer secret-token-1 rejected" }),
    "/unauthorized-once": (_q, res, n) =>
      n === 1 ? json(res, 401, { message: "expired" }) : res.writeHead(204).end(),
    "/pem": (_q, res) =>
      res.writeHead(200, { "content-type": "application/x-pem-file" }).end("-----BEGIN CERTIFICATE-----\n"),
  });
});
afterAll(() => server.close());

describe("VendorHttpClient reads", () => {
  it("parses a JSON body with the schema", async () => {
    await expect(new TestClient(server.url, deps).hit("GET", "/ok")).resolves.toEqual({ id: "a" });
  });

  it("retries 429 honouring Retry-After seconds, signing each attempt afresh", async () => {
    sleeps.length = 0;
    const client = new TestClient(server.url, deps);
    await expect(client.hit("GET", "/flaky")).resolves.toEqual({ id: "b" });
    expect(sleeps).toEqual([2000, 2000]);
    expect(client.authCalls.map((r) => r.attempt)).toEqual([1, 2, 3]);
  });

  it("honours Retry-After as an HTTP date against the injected clock", async () => {
    sleeps.length = 0;
    await expect(new TestClient(server.url, deps).hit("GET", "/date")).resolves.toEqual({ id: "c" });
    expect(sleeps).toEqual([7000]);
  });

  it("fails at once when Retry-After is beyond the bound, saying when to come back", async () => {
    const error = await new TestClient(server.url, deps).hit("GET", "/long-block").catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "rate-limited", status: 429, retryAfterSeconds: 300 });
    expect(server.countOf("GET", "/long-block")).toBe(1);
    expect((error as VendorError).userMessage).toContain("5 minutes");
  });

  it("retries 5xx with jittered exponential backoff up to the bound", async () => {
    sleeps.length = 0;
    const before = server.countOf("GET", "/down");
    const error = await new TestClient(server.url, deps).hit("GET", "/down").catch((e: unknown) => e);
    expect(error).toMatchObject({
      kind: "unavailable",
      status: 503,
      requestId: "req-503",
      vendorMessage: "down for maintenance",
      retryable: true,
    });
    expect(server.countOf("GET", "/down") - before).toBe(4);
    expect(sleeps).toEqual([188, 375, 750]);
  });

  it("starts no retry once the read has used its total time budget", async () => {
    let calls = 0;
    const before = server.countOf("GET", "/down");
    const slowClock = { ...deps, now: () => (calls++ === 0 ? 0 : 50_000) };
    await expect(new TestClient(server.url, slowClock).hit("GET", "/down")).rejects.toMatchObject({
      kind: "unavailable",
    });
    expect(server.countOf("GET", "/down") - before).toBe(1);
  });

  it("times out a hanging server and retries", async () => {
    const error = await new TestClient(server.url, hangingDeps).hit("GET", "/hang").catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "timeout", waitedMs: 300, attempts: 4 });
    expect((error as VendorError).userMessage).toContain("did not answer within 300 ms (4 attempts)");
    expect(server.countOf("GET", "/hang")).toBe(4);
  });

  it("times out a body that never finishes", async () => {
    const error = await new TestClient(server.url, { ...hangingDeps, retry: { maxAttempts: 1 } })
      .hit("GET", "/stall-body")
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "timeout" });
  });

  it("retries a dropped connection and reports it as lost, not unreachable", async () => {
    const error = await new TestClient(server.url, deps).hit("GET", "/drop").catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "connection-lost", retryable: true });
    expect(server.countOf("GET", "/drop")).toBe(4);
  });

  it("turns an HTML page into wrong-base-url naming the URL", async () => {
    const error = await new TestClient(server.url, deps).hit("GET", "/html").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VendorError);
    expect(error).toMatchObject({ kind: "wrong-base-url", status: 200 });
    expect((error as VendorError).vendorMessage).toContain(
      `${server.url}/html answered text/html instead of JSON`,
    );
    expect(server.countOf("GET", "/html")).toBe(1);
  });

  it("turns a JSON body of the wrong shape into malformed-response", async () => {
    const error = await new TestClient(server.url, deps).hit("GET", "/shape").catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "malformed-response" });
    expect((error as VendorError).vendorMessage).toMatch(/id: .*expected string/);
  });

  it("does not follow redirects with credentials", async () => {
    const error = await new TestClient(server.url, deps).hit("GET", "/redirect").catch((e: unknown) => e);
    expect(error).toMatchObject({
      kind: "wrong-base-url",
      status: 302,
      vendorMessage: "redirected to https://example.com/login",
    });
  });

  it("reads a text body of the expected media type", async () => {
    await expect(new TestClient(server.url, deps).pem("/pem")).resolves.toContain("BEGIN CERTIFICATE");
    await expect(new TestClient(server.url, deps).pem("/ok")).rejects.toMatchObject({
      kind: "malformed-response",
    });
  });

  it("reports an unreachable host as a network error", async () => {
    const error = await new TestClient(await closedPort(), { ...deps, retry: { maxAttempts: 1 } })
      .hit("GET", "/ok")
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "network", vendorMessage: "connection refused" });
  });
});

describe("VendorHttpClient writes", () => {
  it("never retries a write after 5xx", async () => {
    const before = server.countOf("POST", "/down");
    const error = await new TestClient(server.url, deps).hit("POST", "/down", "{}").catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "unavailable", outcome: "not-applied" });
    expect(server.countOf("POST", "/down") - before).toBe(1);
  });

  it("turns a timed-out write into ambiguous-write, sent once", async () => {
    const error = await new TestClient(server.url, hangingDeps)
      .hit("POST", "/hang", "{}")
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "ambiguous-write", outcome: "unknown", retryable: false });
    expect(server.countOf("POST", "/hang")).toBe(1);
  });

  it("turns a dropped write into ambiguous-write, sent once", async () => {
    const error = await new TestClient(server.url, deps).hit("POST", "/drop", "{}").catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "ambiguous-write" });
    expect(server.countOf("POST", "/drop")).toBe(1);
  });

  it("knows a write to a refused connection was not applied", async () => {
    const error = await new TestClient(await closedPort(), deps)
      .hit("POST", "/x", "{}")
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "network", outcome: "not-applied" });
  });

  it("retries once after a 401 when credentials were refreshed, also for writes", async () => {
    const client = new TestClient(server.url, deps, true);
    await expect(client.hit("POST", "/unauthorized-once", "{}")).resolves.toBeUndefined();
    expect(client.recoveries).toBe(1);
    expect(server.countOf("POST", "/unauthorized-once")).toBe(2);
  });
});

describe("VendorHttpClient on kept-alive connections (a custom host)", () => {
  const seenAt = (method: string, path: string) =>
    server.seen.filter((r) => r.method === method && r.path === path).map((r) => r.reused);

  it("retries a read whose reused connection the server reset (the read retry policy)", async () => {
    sleeps.length = 0;
    const client = new TestClient(server.url, deps);
    await client.hit("GET", "/ok");
    await expect(client.hit("GET", "/reset-when-reused")).resolves.toEqual({ id: "fresh" });
    // Reset on a reused connection, then answered on the one retry (a new or another idle socket).
    const attempts = seenAt("GET", "/reset-when-reused");
    expect(attempts).toHaveLength(2);
    expect(attempts[0]).toBe(true);
    expect(sleeps).toEqual([188]);
  });

  it("sends a write on a connection of its own; reset, it is ambiguous, sent once and re-read", async () => {
    const client = new TestClient(server.url, deps);
    await client.hit("GET", "/ok");
    await client.hit("GET", "/ok");
    const [writesBefore, readsBefore] = [seenAt("POST", "/drop").length, seenAt("GET", "/state").length];
    const error = await writeWithReconciliation(
      () => client.hit("POST", "/drop", "{}"),
      () => client.hit("GET", "/state"),
      (after) => (after as { id: string }).id !== "unchanged",
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "ambiguous-write", ambiguous: true, outcome: "not-applied" });
    expect((error as VendorError).userMessage).toMatch(/was not applied/);
    // Never on a kept-alive socket the server might be closing, and never sent twice.
    expect(seenAt("POST", "/drop").slice(writesBefore)).toEqual([false]);
    expect(seenAt("GET", "/state").slice(readsBefore)).toHaveLength(1);
  });
});

describe("VendorError safety", () => {
  it("redacts secrets a vendor echoes and keeps them out of toJSON", async () => {
    const error = await new TestClient(server.url, deps).hit("GET", "/echo-secret").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VendorError);
    const serialised = JSON.stringify(error);
    expect(serialised).not.toContain("secret-token");
    expect(serialised).toContain("[redacted]");
    expect(JSON.parse(serialised)).toMatchObject({
      name: "VendorError",
      code: "validation:cloudflare",
      status: 400,
    });
    expect(Object.keys(JSON.parse(serialised))).not.toContain("stack");
  });
});

describe("TLS failures", () => {
  let tls: Awaited<ReturnType<typeof startUntrustedTlsServer>>;
  beforeAll(async () => {
    tls = await startUntrustedTlsServer();
  });
  afterAll(() => tls.close());

  it("reports an untrusted certificate as a tls error and does not retry it", async () => {
    const error = await new TestClient(tls.url, deps).hit("GET", "/ok").catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "tls", retryable: false });
    expect((error as VendorError).vendorMessage).toMatch(/self-signed|not trusted|host name/);
  });
});
