import fc from "fast-check";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { getEventListeners } from "node:events";
import type { Socket } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseAllowList } from "./allow-list";
import { createGuardedFetch, OutboundRefusedError } from "./guarded-fetch-like";
import { guardOutboundUrl, type OutboundPolicy, type ResolvedAddress } from "./outbound-guard";
import { PinnedPools } from "./pinned-pool";
import { forbiddenIpv4, forbiddenIpv6, ipv4Notation, ipv6EmbeddingNotation } from "./testing/notations";

// Kept-alive connections for guard-checked addresses, seen from real listeners on loopback
// (127.0.0.1 and 127.0.0.2, one port): how many connections each accepts, which requests arrive
// on which. Refused addresses are first checked by the guard's decision, so a broken guard fails
// the test before anything is dialled; only loopback is ever connected to.

interface Listener {
  server: Server;
  address: string;
  connections: number;
  open: Set<Socket>;
  requests: { method: string; url: string; host: string | undefined; socket: number }[];
}

async function listen(address: string, port: number, handler?: (res: ServerResponse) => void) {
  const listener: Listener = {
    server: createServer(),
    address,
    connections: 0,
    open: new Set(),
    requests: [],
  };
  const ids = new WeakMap<Socket, number>();
  listener.server.on("connection", (socket: Socket) => {
    ids.set(socket, ++listener.connections);
    listener.open.add(socket);
    socket.on("close", () => listener.open.delete(socket));
  });
  listener.server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    listener.requests.push({
      method: req.method ?? "",
      url: req.url ?? "",
      host: req.headers.host,
      socket: ids.get(req.socket) ?? 0,
    });
    req.resume();
    req.on("end", () =>
      handler ? handler(res) : res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}'),
    );
  });
  await new Promise<void>((resolve) => listener.server.listen(port, address, resolve));
  return listener;
}

const close = (l: Listener) =>
  new Promise<void>((resolve) => {
    l.server.closeAllConnections();
    l.server.close(() => resolve());
  });

let first: Listener;
let second: Listener;
let port: number;
beforeAll(async () => {
  first = await listen("127.0.0.1", 0);
  port = (first.server.address() as { port: number }).port;
  second = await listen("127.0.0.2", port);
});
afterAll(async () => {
  await Promise.all([close(first), close(second)]);
});

let pools: PinnedPools;
beforeEach(() => {
  pools = new PinnedPools();
  for (const l of [first, second]) {
    l.server.closeAllConnections();
    l.connections = 0;
    l.requests = [];
  }
});
afterEach(() => pools.close());

const limits = { timeoutMs: 5_000, maxBytes: 4096 };
const policy = (allow: string, resolve?: OutboundPolicy["resolve"]): OutboundPolicy => ({
  allow: parseAllowList(allow),
  allowVariable: "TEST_ALLOW",
  httpWhenAllowed: true,
  resolve:
    resolve ??
    (async (host) => {
      throw new Error(`the guard looked up ${host}`);
    }),
});

describe("kept-alive connections to a guard-checked address", () => {
  it("reuses kept-alive sockets across sequential reads; a write gets a connection of its own", async () => {
    const fetch = createGuardedFetch(policy(`127.0.0.1:${port}`), limits, pools);
    const url = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 10; i++) expect((await fetch(`${url}/read-${i}`)).status).toBe(200);
    // undici may open a second socket when the next request is dispatched before the first
    // socket is marked free again; never one per request.
    const readSockets = new Set(first.requests.map((r) => r.socket));
    expect(readSockets.size).toBeLessThanOrEqual(2);
    expect(first.connections).toBe(readSockets.size);

    expect((await fetch(`${url}/write`, { method: "POST", body: "{}" })).status).toBe(200);
    expect((await fetch(`${url}/read-again`)).status).toBe(200);
    const [write, readAgain] = first.requests.slice(-2);
    expect(write).toMatchObject({ method: "POST", url: "/write" });
    expect(readSockets.has(write!.socket)).toBe(false);
    expect(readSockets.has(readAgain!.socket)).toBe(true);
    expect(first.connections).toBe(readSockets.size + 1);
  });

  it("follows a DNS answer that changes to a new pool and never sends to a refused address", async () => {
    let answer: ResolvedAddress[] = [{ address: "127.0.0.1", family: 4 }];
    const rebinding = policy("127.0.0.1/32, 127.0.0.2/32", async () => answer);
    const fetch = createGuardedFetch(rebinding, limits, pools);
    const url = `http://gateway.rebind.test:${port}/x`;

    await fetch(url);
    await fetch(url);
    const firstConnections = first.connections;
    answer = [{ address: "127.0.0.2", family: 4 }];
    await fetch(url);
    expect(first.requests).toHaveLength(2);
    expect(second.requests.map((r) => [r.host, r.socket])).toEqual([[`gateway.rebind.test:${port}`, 1]]);
    // The sockets to 127.0.0.1 are still open, and stay unused while DNS says 127.0.0.2.
    expect(first.open.size).toBe(firstConnections);

    for (const refused of ["169.254.169.254", "10.0.0.7", "127.0.0.3", "::ffff:a9fe:a9fe"]) {
      answer = [{ address: refused, family: refused.includes(":") ? 6 : 4 }];
      expect(await guardOutboundUrl(url, rebinding), refused).toMatchObject({ ok: false, kind: "address" });
      await expect(fetch(url), refused).rejects.toBeInstanceOf(OutboundRefusedError);
    }
    // Every address of an answer must pass: one refused address refuses the answer.
    answer = [
      { address: "127.0.0.1", family: 4 },
      { address: "169.254.169.254", family: 4 },
    ];
    expect(await guardOutboundUrl(url, rebinding)).toMatchObject({ ok: false });
    await expect(fetch(url)).rejects.toBeInstanceOf(OutboundRefusedError);
    expect(pools.size).toBe(2);
    expect(first.requests).toHaveLength(2);
    expect(second.requests).toHaveLength(1);

    // Back to the first address: its own pool and a socket it had opened.
    answer = [{ address: "127.0.0.1", family: 4 }];
    await fetch(url);
    expect(first.requests).toHaveLength(3);
    expect(first.connections).toBe(firstConnections);
    expect(second.connections).toBe(1);
  });

  it("refuses every notation of a non-public address before a pool or a socket exists", async () => {
    const fetch = createGuardedFetch(policy(""), limits, pools);
    const forbidden = fc.oneof(
      forbiddenIpv4.chain((v4) => ipv4Notation(v4)),
      forbiddenIpv4.chain((v4) => ipv6EmbeddingNotation(v4)),
      forbiddenIpv6,
      ipv4Notation([127, 0, 0, 1]),
      ipv4Notation([127, 0, 0, 2]),
    );
    await fc.assert(
      fc.asyncProperty(forbidden, async (host) => {
        const url = `http://${host}:${port}/x`;
        // The guard's own decision first: if it let this through, nothing is dialled at all.
        expect(await guardOutboundUrl(url, policy("")), url).toMatchObject({ ok: false });
        await expect(fetch(url), url).rejects.toBeInstanceOf(OutboundRefusedError);
      }),
      { numRuns: 300 },
    );
    expect(pools.size).toBe(0);
    expect(first.connections + second.connections).toBe(0);
  });

  it("keeps a bounded number of pools, closing the least recently used and the idle ones", async () => {
    let now = 0;
    let answer = "127.0.0.1";
    const rebinding = policy("127.0.0.1/32, 127.0.0.2/32", async () => [{ address: answer, family: 4 }]);
    const url = `http://gateway.pools.test:${port}/x`;
    const bounded = new PinnedPools({ maxPools: 1 });
    const idle = new PinnedPools({ idlePoolMs: 1_000, now: () => now });
    try {
      for (const kept of [bounded, idle]) {
        answer = "127.0.0.1";
        const fetch = createGuardedFetch(rebinding, limits, kept);
        await fetch(url);
        expect(first.open.size).toBe(1);
        now += 5_000;
        answer = "127.0.0.2";
        await fetch(url);
        expect(kept.size).toBe(1);
        // The pool dropped (one too many, or unused for too long) closes its idle socket.
        await expect.poll(() => first.open.size).toBe(0);
        expect(second.open.size).toBe(1);
        await kept.close();
        await expect.poll(() => second.open.size).toBe(0);
      }
    } finally {
      await Promise.all([bounded.close(), idle.close()]);
    }
  });
});

describe("the pooled exchange keeps the guard's limits", () => {
  it("caps the body, times out a silent server and never follows a redirect", async () => {
    const big = await listen("127.0.0.1", 0, (res) => res.end("x".repeat(10_000)));
    const chunked = await listen("127.0.0.1", 0, (res) => {
      res.writeHead(200);
      for (let i = 0; i < 10; i++) res.write("x".repeat(1_000));
      res.end();
    });
    const silent = await listen("127.0.0.1", 0, () => undefined);
    const stalling = await listen("127.0.0.1", 0, (res) => res.writeHead(200).write('{"partial":'));
    const redirect = await listen("127.0.0.1", 0, (res) =>
      res.writeHead(302, { location: `http://127.0.0.2:${port}/landed` }).end(),
    );
    try {
      const at = (l: Listener) => `http://127.0.0.1:${(l.server.address() as { port: number }).port}/x`;
      const fetch = createGuardedFetch(policy("127.0.0.1"), { timeoutMs: 300, maxBytes: 4096 }, pools);
      await expect(fetch(at(big))).rejects.toMatchObject({ code: "too-large" });
      // Without a Content-Length the cap applies while the streamed body is read.
      await expect(fetch(at(chunked)).then((r) => r.text())).rejects.toMatchObject({ code: "too-large" });
      await expect(fetch(at(silent))).rejects.toMatchObject({ code: "timeout" });
      await expect(fetch(at(stalling)).then((r) => r.text())).rejects.toMatchObject({ code: "timeout" });
      const response = await fetch(at(redirect));
      expect(response.status).toBe(302);
      expect(second.connections).toBe(0);
      const aborted = fetch(at(silent), { signal: AbortSignal.abort(new Error("caller gave up")) });
      await expect(aborted).rejects.toThrow("caller gave up");
    } finally {
      await Promise.all([close(big), close(chunked), close(silent), close(stalling), close(redirect)]);
    }
  });
});

describe("the pooled exchange's deadline", () => {
  it("lets go of the caller's signal once each answer is read, and still aborts on it mid-body", async () => {
    const stalling = await listen("127.0.0.1", 0, (res) => res.writeHead(200).write('{"partial":'));
    try {
      const fetch = createGuardedFetch(policy("127.0.0.1"), limits, pools);
      const caller = new AbortController();
      for (let i = 0; i < 5; i++)
        expect(await (await fetch(`http://127.0.0.1:${port}/x`, { signal: caller.signal })).json()).toEqual({
          ok: true,
        });
      // Five exchanges read to the end left no listener behind on the caller's long-lived signal.
      expect(getEventListeners(caller.signal, "abort")).toHaveLength(0);
      const at = `http://127.0.0.1:${(stalling.server.address() as { port: number }).port}/x`;
      const reading = fetch(at, { signal: caller.signal }).then((r) => r.text());
      await new Promise((resolve) => setTimeout(resolve, 50));
      caller.abort(new Error("caller gave up mid-body"));
      await expect(reading).rejects.toThrow("caller gave up mid-body");
      expect(getEventListeners(caller.signal, "abort")).toHaveLength(0);
    } finally {
      await close(stalling);
    }
  });
});
