import { createServer, request, type IncomingHttpHeaders, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientIpFrom } from "./client-ip";
import { installForwardedHeaderGuard, parseTrustedProxies } from "./trusted-proxies";

// A real HTTP server with the forwarding-header hook installed, spoken to over a real socket:
// the client's own X-Forwarded-* headers must not survive unless it is a trusted proxy.

type Seen = { ip: string | null; headers: IncomingHttpHeaders };
let server: Server;
let port = 0;
let trusted = parseTrustedProxies(undefined);

beforeAll(async () => {
  server = createServer((req, res) => {
    const seen: Seen = { ip: clientIpFrom(req.headers, trusted), headers: req.headers };
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify(seen));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as { port: number }).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

function send(headers: Record<string, string>): Promise<Seen> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: "/", headers }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve(JSON.parse(body) as Seen));
    });
    req.on("error", reject);
    req.end();
  });
}

const FORGED = {
  "x-forwarded-for": "198.51.100.77",
  "x-forwarded-host": "evil.example",
  "x-forwarded-proto": "https",
  "x-real-ip": "198.51.100.78",
  forwarded: "for=198.51.100.79;proto=https",
  "x-trustdeck-peer": "198.51.100.80",
};

describe("X-Forwarded-* are believed only from TRUSTED_PROXIES", () => {
  it("with no trusted proxy (the default), forged headers are dropped and the socket's address is recorded", async () => {
    installForwardedHeaderGuard(undefined);
    trusted = parseTrustedProxies(undefined);
    const seen = await send(FORGED);
    expect(seen.ip).toBe("127.0.0.1");
    expect(seen.headers["x-trustdeck-peer"]).toBe("127.0.0.1");
    for (const name of ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-real-ip", "forwarded"])
      expect(seen.headers[name], name).toBeUndefined();
  });

  it("from a trusted proxy, the client is the first untrusted hop from the right", async () => {
    installForwardedHeaderGuard("127.0.0.1, 10.0.0.0/8");
    trusted = parseTrustedProxies("127.0.0.1, 10.0.0.0/8");
    const seen = await send({ ...FORGED, "x-forwarded-for": "203.0.113.1, 198.51.100.5, 10.1.2.3" });
    expect(seen.ip).toBe("198.51.100.5");
    expect(seen.headers["x-forwarded-proto"]).toBe("https");
    // Every hop trusted: the leftmost one is the client.
    expect((await send({ "x-forwarded-for": "10.9.9.9" })).ip).toBe("10.9.9.9");
    // Garbage in the chain stops the walk at the last good hop.
    expect((await send({ "x-forwarded-for": "not-an-ip, 10.9.9.9" })).ip).toBe("10.9.9.9");
  });

  it("refuses a malformed TRUSTED_PROXIES entry instead of trusting too much", () => {
    expect(() => parseTrustedProxies("10.0.0.0/8, proxy.internal")).toThrow(/proxy\.internal/);
  });

  it("without the hook's peer header nothing is believed", () => {
    expect(clientIpFrom(new Headers({ "x-forwarded-for": "198.51.100.1" }))).toBeNull();
  });
});
