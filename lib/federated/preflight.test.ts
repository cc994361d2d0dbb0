import { createServer, type Server, type Socket } from "node:net";
import { rootCertificates } from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sandboxFixture } from "@/lib/vendors/testing/sandbox-fixture";
import { nonPublicRange } from "@/lib/net/address-policy";
import { isAllowed, parseAllowList } from "@/lib/net/allow-list";
import type { GuardedFetchOptions } from "./guarded-fetch";
import { preflightIssuer } from "./preflight";

const sb = sandboxFixture();
const issuer = (name: string) => sb.sandbox.urls.issuers[name] ?? "";
const options = (overrides: Partial<GuardedFetchOptions> = {}): GuardedFetchOptions => ({
  allow: parseAllowList("localhost"),
  allowVariable: "ISSUER_PREFLIGHT_ALLOW_PRIVATE",
  timeoutMs: 15_000, // generous for a busy machine; the deadline test sets its own
  maxBytes: 512 * 1024,
  // Under Vitest NODE_EXTRA_CA_CERTS is not set: trust the sandbox CA explicitly.
  ca: [...rootCertificates, sb.sandbox.caPem],
  ...overrides,
});

/** A TCP port that accepts connections and never answers (a tarpit). */
let tarpit: Server;
const sockets: Socket[] = [];
let tarpitPort = 0;
/** A port where nothing listens. */
let closedPort = 0;
beforeAll(async () => {
  tarpit = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => tarpit.listen(0, "127.0.0.1", resolve));
  tarpitPort = (tarpit.address() as { port: number }).port;
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  closedPort = (probe.address() as { port: number }).port;
  await new Promise((resolve) => probe.close(resolve));
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => tarpit.close(resolve));
});

describe("issuer preflight against the sandbox issuers", () => {
  it.each([
    ["github-actions", 2],
    ["gitlab", 1],
    ["kubernetes", 1],
  ])("%s: discovery, exact issuer and RS256 keys", async (name, keys) => {
    const result = await preflightIssuer(issuer(name), options());
    expect(result.checks.map((c) => `${c.name}:${c.ok}`)).toEqual([
      "discovery:true",
      "issuer:true",
      "jwks:true",
      "rs256:true",
    ]);
    expect(result.ok).toBe(true);
    expect(result.keys).toHaveLength(keys);
    expect(result.summary).toContain(`${keys} RS256 key`);
  });

  it("says the discovery issuer differs only by a trailing slash", async () => {
    const result = await preflightIssuer(`${issuer("gitlab")}/`, options());
    expect(result.ok).toBe(false);
    expect(result.checks.find((c) => c.name === "issuer")?.message).toContain(
      "differs only by a trailing slash",
    );
  });

  it("names the JWKS URL that answered 404", async () => {
    const result = await preflightIssuer(issuer("no-jwks"), options());
    expect(result).toMatchObject({ ok: false });
    expect(result.summary).toMatch(
      /JWKS at https:\/\/localhost:\d+\/no-jwks\/\.well-known\/jwks could not be read: .* answered HTTP 404/,
    );
  });

  it("reports an unreachable issuer: nothing listening", async () => {
    const result = await preflightIssuer(`https://localhost:${closedPort}/nowhere`, options());
    expect(result.summary).toContain(`localhost:${closedPort} refused the connection`);
  });

  it("gives up at the deadline on an issuer that never answers", async () => {
    const result = await preflightIssuer(
      `https://127.0.0.1:${tarpitPort}/slow`,
      options({ allow: parseAllowList("127.0.0.1"), timeoutMs: 300 }),
    );
    expect(result.summary).toContain("did not answer within 0.3 s");
  });

  it("refuses documents over the size limit and bodies that are not JSON", async () => {
    expect((await preflightIssuer(issuer("github-actions"), options({ maxBytes: 64 }))).summary).toContain(
      "larger than 0 KB",
    );
    await sb.control.fault({
      service: "issuers",
      path: "/gitlab/.well-known/openid-configuration",
      kind: "malformed",
      count: 1,
    });
    expect((await preflightIssuer(issuer("gitlab"), options())).summary).toContain(
      "did not answer with JSON",
    );
  });

  it("fails TLS when the issuer's CA is not trusted", async () => {
    const result = await preflightIssuer(issuer("kubernetes"), options({ ca: undefined }));
    expect(result.summary).toMatch(/The TLS connection to localhost:\d+ failed/);
  });

  it("refuses loopback addresses unless the allow-list names them", async () => {
    const refused = await preflightIssuer(
      issuer("github-actions"),
      options({ allow: parseAllowList(undefined) }),
    );
    expect(refused.summary).toMatch(
      /localhost resolves to (127\.0\.0\.1|::1) \(loopback.*\); Trustdeck does not fetch from non-public addresses unless ISSUER_PREFLIGHT_ALLOW_PRIVATE names the host/,
    );
    const port = new URL(issuer("github-actions")).port;
    expect(
      (
        await preflightIssuer(
          issuer("github-actions"),
          options({ allow: parseAllowList(`localhost:${port}`) }),
        )
      ).ok,
    ).toBe(true);
    expect(
      (await preflightIssuer(issuer("github-actions"), options({ allow: parseAllowList("localhost:1") }))).ok,
    ).toBe(false);
  });

  it("tries the next address when the first refuses (localhost as ::1, then 127.0.0.1)", async () => {
    const resolve = async () => [
      { address: "::1", family: 6 },
      { address: "127.0.0.1", family: 4 },
    ];
    expect((await preflightIssuer(issuer("gitlab"), options({ resolve }))).ok).toBe(true);
  });

  it("refuses an internal address even behind a public-looking name (DNS answer checked)", async () => {
    const result = await preflightIssuer(
      "https://idp.example.com",
      options({
        allow: parseAllowList(undefined),
        resolve: async () => [{ address: "169.254.169.254", family: 4 }],
      }),
    );
    expect(result.summary).toContain("169.254.169.254 (link-local (cloud metadata)");
  });
});

describe("address guard", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["10.2.3.4", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["100.64.0.1", "carrier-grade NAT"],
    ["169.254.169.254", "link-local"],
    ["0.0.0.0", "this-network"],
    ["::1", "loopback"],
    ["::ffff:10.0.0.1", "private"],
    ["fd12::1", "unique local"],
    ["fe80::1", "link-local"],
    ["8.8.8.8", null],
    ["2606:4700::1111", null],
  ])("%s → %s", (address, label) => {
    const range = nonPublicRange(address);
    if (label === null) expect(range).toBeNull();
    else expect(range).toContain(label);
  });

  it("allows hosts, host:port pairs, addresses and CIDR ranges", () => {
    const allow = parseAllowList("localhost, idp.internal:8443 10.1.0.0/16 fd00::/8 192.168.5.5");
    expect(isAllowed(allow, "LOCALHOST", 4613, "127.0.0.1")).toBe(true);
    expect(isAllowed(allow, "idp.internal", 8443, "10.9.9.9")).toBe(true);
    expect(isAllowed(allow, "idp.internal", 443, "10.9.9.9")).toBe(false);
    expect(isAllowed(allow, "other", 443, "10.1.2.3")).toBe(true);
    expect(isAllowed(allow, "other", 443, "fd00::5")).toBe(true);
    expect(isAllowed(allow, "other", 443, "192.168.5.5")).toBe(true);
    expect(isAllowed(allow, "other", 443, "192.168.5.6")).toBe(false);
  });
});
