import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { mayReuseConnection } from "@/lib/net/connection-reuse";
import { createEgressFetch, egressDispatchers } from "./egress-proxy-fetch";
import { startConnectProxy } from "./testing/connect-proxy";

// Documented vendor hosts cannot be reached from a test, so a loopback listener stands in for
// one behind the egress fetch (the fetch every documented host's call goes through): it tells
// which socket each request arrived on. Reads may share kept-alive sockets; every write must
// arrive on a connection of its own, directly and through an egress proxy's CONNECT tunnel.

interface Arrival {
  method: string;
  url: string;
  socket: number;
  connection: string | undefined;
}

let server: Server;
let base: string;
let connections = 0;
let arrivals: Arrival[] = [];
beforeAll(async () => {
  server = createServer();
  const ids = new WeakMap<Socket, number>();
  server.on("connection", (socket: Socket) => ids.set(socket, ++connections));
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    arrivals.push({
      method: req.method ?? "",
      url: req.url ?? "",
      socket: ids.get(req.socket) ?? 0,
      connection: req.headers.connection,
    });
    req.resume();
    req.on("end", () => res.writeHead(200, { "content-type": "application/json" }).end("{}"));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(
  () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
);
beforeEach(() => {
  server.closeAllConnections();
  connections = 0;
  arrivals = [];
});

const WRITES = ["POST", "PUT", "PATCH", "DELETE"] as const;

async function readsThenWrites(fetch: ReturnType<typeof createEgressFetch>, tag: string) {
  for (let i = 0; i < 6; i++) await (await fetch(`${base}/${tag}/read-${i}`)).text();
  for (const method of WRITES)
    await (
      await fetch(`${base}/${tag}/write`, { method, body: method === "DELETE" ? undefined : "{}" })
    ).text();
  await (await fetch(new Request(`${base}/${tag}/request-write`, { method: "POST", body: "{}" }))).text();
  await (await fetch(`${base}/${tag}/read-again`)).text();
  const reads = arrivals.filter((a) => a.url.includes("/read-") && a.url !== `/${tag}/read-again`);
  const writes = arrivals.filter((a) => a.url.includes("write"));
  const readAgain = arrivals.find((a) => a.url === `/${tag}/read-again`)!;
  return { reads, writes, readAgain };
}

function expectFreshWrites({ reads, writes, readAgain }: Awaited<ReturnType<typeof readsThenWrites>>) {
  const readSockets = new Set(reads.map((r) => r.socket));
  // Sequential reads ride kept-alive sockets (undici may open a second one; never one each).
  expect(readSockets.size).toBeLessThanOrEqual(2);
  expect(writes.map((w) => w.method)).toEqual([...WRITES, "POST"]);
  for (const write of writes) {
    expect(readSockets.has(write.socket), `${write.method} rode a read's socket`).toBe(false);
    expect(write.connection).toBe("close");
  }
  expect(new Set(writes.map((w) => w.socket)).size).toBe(writes.length);
  // The writes took nothing from the reads' pool: the next read still reuses a kept-alive socket.
  expect(readSockets.has(readAgain.socket)).toBe(true);
}

describe("connections of the egress fetch (documented vendor hosts)", () => {
  it("reads reuse kept-alive sockets, each write opens a connection of its own (direct, global dispatcher)", async () => {
    const fetch = createEgressFetch({ env: () => ({}) });
    const seen = await readsThenWrites(fetch, "direct");
    expectFreshWrites(seen);
    expect(connections).toBe(new Set(arrivals.map((a) => a.socket)).size);
  });

  it("does the same with the dispatcher built for TLS options", async () => {
    const fetch = createEgressFetch({ env: () => ({}), requestTls: { rejectUnauthorized: true } });
    expectFreshWrites(await readsThenWrites(fetch, "tls-options"));
  });

  it("through an egress proxy, reads share a tunnel and every write gets a tunnel of its own", async () => {
    const proxy = await startConnectProxy();
    try {
      const fetch = createEgressFetch({ env: () => ({ HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url }) });
      // A plain-http origin is tunnelled too (the proxy refuses absolute-form requests).
      const seen = await readsThenWrites(fetch, "proxied");
      expect(proxy.refused).toEqual([]);
      expectFreshWrites(seen);
      const tunnels = new Set(arrivals.map((a) => a.socket)).size;
      expect(proxy.connects).toHaveLength(tunnels);
    } finally {
      await proxy.close();
    }
  });
});

describe("the one rule for reusing a connection", () => {
  it("lets reads reuse connections and never a write, in any letter case", () => {
    for (const method of ["GET", "get", "HEAD", "head", undefined])
      expect(mayReuseConnection(method)).toBe(true);
    for (const method of ["POST", "post", "PUT", "PATCH", "patch", "DELETE", "delete"])
      expect(mayReuseConnection(method)).toBe(false);
  });

  it("selects a kept-alive dispatcher for reads and a one-request-per-connection one for writes", () => {
    const proxy = new URL("http://127.0.0.1:9");
    const plain = egressDispatchers();
    expect(plain.select(undefined, true)).toBeUndefined(); // the global keep-alive dispatcher
    const freshDirect = plain.select(undefined, false);
    expect(freshDirect).toBeDefined();
    expect(plain.select(undefined, false)).toBe(freshDirect);
    const readsViaProxy = plain.select(proxy, true);
    const writesViaProxy = plain.select(proxy, false);
    expect(writesViaProxy).not.toBe(readsViaProxy);
    expect(plain.select(proxy, false)).toBe(writesViaProxy);

    const withTls = egressDispatchers({ rejectUnauthorized: true });
    const reads = withTls.select(undefined, true);
    expect(reads).toBeDefined();
    expect(withTls.select(undefined, false)).not.toBe(reads);
  });
});
