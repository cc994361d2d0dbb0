import fc from "fast-check";
import { createServer, type IncomingMessage, type Server } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fetchJson } from "@/lib/federated/guarded-fetch";
import { sendWebhook } from "@/lib/inventory/alerts/webhook";
import { parseAllowList } from "./allow-list";
import { createGuardedFetch, OutboundRefusedError } from "./guarded-fetch-like";
import { guardOutboundUrl } from "./outbound-guard";
import { pinnedRequest } from "./pinned-request";
import { ipv4Notation } from "./testing/notations";

// A real listener on 127.0.0.1 proves that refused URLs send nothing: every notation below leads
// to it if the guard let it through. Each refusal is first checked by the guard's decision, so a
// broken guard fails the test before any connection is attempted; only loopback is ever dialled.

type Listener = { server: Server; port: number; connections: number; requests: IncomingMessage[] };

async function listen(handler: (req: IncomingMessage, res: import("node:http").ServerResponse) => void) {
  const listener: Listener = { server: createServer(), port: 0, connections: 0, requests: [] };
  listener.server.on("connection", () => listener.connections++);
  listener.server.on("request", (req, res) => {
    listener.requests.push(req);
    handler(req, res);
  });
  await new Promise<void>((resolve) => listener.server.listen(0, "127.0.0.1", resolve));
  listener.port = (listener.server.address() as { port: number }).port;
  return listener;
}

let target: Listener;
let redirected: Listener;
beforeAll(async () => {
  redirected = await listen((_req, res) => res.end("{}"));
  target = await listen((req, res) => {
    if (req.url === "/redirect") {
      res.writeHead(302, { location: `http://127.0.0.1:${redirected.port}/landed` }).end();
    } else res.writeHead(200, { "content-type": "application/json" }).end('{"hello":"world"}');
  });
});
afterAll(async () => {
  for (const l of [target, redirected]) await new Promise((resolve) => l.server.close(resolve));
});
beforeEach(() => {
  for (const l of [target, redirected]) {
    l.connections = 0;
    l.requests = [];
  }
});

const loopbackNotations = () => [
  ...fc.sample(ipv4Notation([127, 0, 0, 1]), { numRuns: 40, seed: 15 }),
  "[::ffff:127.0.0.1]",
  "[::ffff:7f00:1]",
  "[0:0:0:0:0:ffff:7f00:1]",
  "localhost.",
  "localhost",
];
const noAllow = { allow: parseAllowList(undefined), allowVariable: "TEST_ALLOW", httpWhenAllowed: true };
const fetchOptions = { allow: parseAllowList(undefined), timeoutMs: 2000, maxBytes: 4096 };

describe("a local listener receives nothing from refused URLs", () => {
  it("issuer preflight fetches and webhook deliveries, for every notation of 127.0.0.1", async () => {
    const hosts = [...new Set(loopbackNotations())];
    expect(hosts.length).toBeGreaterThan(15);
    for (const host of hosts) {
      for (const scheme of ["https", "http"]) {
        const url = `${scheme}://${host}:${target.port}/x`;
        expect(await guardOutboundUrl(url, noAllow), url).toMatchObject({ ok: false });
        expect(await fetchJson(new URL(url), fetchOptions), url).toMatchObject({ ok: false });
        const sent = await sendWebhook({
          url,
          format: "json",
          secret: "s",
          message: { title: "t", text: "t", href: null, data: {} },
          now: new Date(),
        });
        expect(sent, url).toMatchObject({ ok: false, status: null });
      }
    }
    expect(target.connections).toBe(0);
  });

  it("the same listener is reached when the allow-list names it (the test can fail)", async () => {
    const result = await fetchJson(new URL(`https://127.0.0.1:${target.port}/x`), {
      ...fetchOptions,
      allow: parseAllowList(`127.0.0.1`),
    });
    expect(result).toMatchObject({ ok: false }); // it speaks http, not TLS
    expect(target.connections).toBe(1);
  });
});

describe("the connection goes to the address that was checked", () => {
  it("resolves once and connects to that answer, whatever DNS would say next (no rebinding)", async () => {
    const answers = [[{ address: "127.0.0.1", family: 4 }], [{ address: "169.254.169.254", family: 4 }]];
    let lookups = 0;
    const decision = await guardOutboundUrl(`http://rebind.test:${target.port}/x`, {
      ...noAllow,
      allow: parseAllowList(`rebind.test:${target.port}`),
      resolve: async () => answers[lookups++]!,
    });
    if (!decision.ok) throw new Error(decision.message);
    const response = await pinnedRequest({
      url: decision.url,
      pinned: decision.addresses[0]!,
      method: "GET",
      headers: {},
      timeoutMs: 2000,
      maxBytes: 4096,
    });
    expect(lookups).toBe(1);
    expect(response).toMatchObject({ ok: true, status: 200 });
    expect(target.requests.map((r) => r.headers.host)).toEqual([`rebind.test:${target.port}`]);
  });

  it("never follows a redirect", async () => {
    const decision = await guardOutboundUrl(`http://127.0.0.1:${target.port}/redirect`, {
      ...noAllow,
      allow: parseAllowList(`127.0.0.1`),
    });
    if (!decision.ok) throw new Error(decision.message);
    const response = await pinnedRequest({
      url: decision.url,
      pinned: decision.addresses[0]!,
      method: "POST",
      headers: {},
      body: "{}",
      timeoutMs: 2000,
      maxBytes: 4096,
    });
    expect(response).toMatchObject({ ok: true, status: 302 });
    expect(target.requests).toHaveLength(1);
    expect(redirected.connections).toBe(0);
  });
});

describe("the guard as a fetch function (for custom connection base URLs)", () => {
  const limits = { timeoutMs: 2000, maxBytes: 4096 };

  it("throws before connecting for every refused notation, and answers for an allowed one", async () => {
    const refusing = createGuardedFetch({ ...noAllow, httpWhenAllowed: true }, limits);
    for (const host of loopbackNotations())
      await expect(refusing(`http://${host}:${target.port}/api`), host).rejects.toBeInstanceOf(
        OutboundRefusedError,
      );
    await expect(refusing(`https://vendor:secret@api.example.com/`)).rejects.toThrow(/user name or password/);
    expect(target.connections).toBe(0);

    const allowed = createGuardedFetch(
      { ...noAllow, allow: parseAllowList(`127.0.0.1:${target.port}`) },
      limits,
    );
    const response = await allowed(`http://127.0.0.1:${target.port}/api`, { method: "POST", body: "{}" });
    expect(await response.json()).toEqual({ hello: "world" });
    const redirect = await allowed(`http://127.0.0.1:${target.port}/redirect`);
    expect(redirect.status).toBe(302);
    expect(redirected.connections).toBe(0);
  });
});
