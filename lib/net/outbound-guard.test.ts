import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nonPublicRange } from "./address-policy";
import { isAllowed, parseAllowList } from "./allow-list";
import { decideAddresses, guardOutboundUrl, urlShapeRefusal, type OutboundPolicy } from "./outbound-guard";
import { forbiddenIpv4, forbiddenIpv6, ipv4Notation, ipv6EmbeddingNotation } from "./testing/notations";

const noAllow: OutboundPolicy = {
  allow: parseAllowList(undefined),
  allowVariable: "TEST_ALLOW",
  // Like webhooks: http too, so that the address (not the scheme) is what refuses.
  httpWhenAllowed: true,
  // An IP literal must be judged as written, never looked up.
  resolve: async (host) => {
    throw new Error(`the guard looked up ${host}`);
  },
};

async function refusedAsAddress(url: string): Promise<void> {
  const decision = await guardOutboundUrl(url, noAllow);
  expect(decision, url).toMatchObject({ ok: false, kind: "address" });
}

describe("outbound guard: every notation of a non-public address is refused", () => {
  it("IPv4 in decimal, octal, hex, short forms and with a trailing dot", async () => {
    await fc.assert(
      fc.asyncProperty(
        forbiddenIpv4.chain((v4) => ipv4Notation(v4)),
        fc.constantFrom("https", "http"),
        async (host, scheme) => refusedAsAddress(`${scheme}://${host}:8443/.well-known/x`),
      ),
      { numRuns: 400 },
    );
  });

  it("IPv6 forms that embed a non-public IPv4 (mapped, hex-mapped, compatible, NAT64, 6to4, Teredo)", async () => {
    await fc.assert(
      fc.asyncProperty(
        forbiddenIpv4.chain((v4) => ipv6EmbeddingNotation(v4)),
        async (host) => refusedAsAddress(`https://${host}/hook`),
      ),
      { numRuns: 400 },
    );
  });

  it("native IPv6 loopback, link-local, unique-local, multicast, documentation, site-local", async () => {
    await fc.assert(
      fc.asyncProperty(forbiddenIpv6, async (host) => refusedAsAddress(`https://${host}:443/`)),
      { numRuns: 200 },
    );
  });

  it("the same addresses as DNS answers are refused by the decision", () => {
    fc.assert(
      fc.property(forbiddenIpv4.chain(ipv4Notation), (notation) => {
        const refusal = decideAddresses("idp.example.com", 443, [{ address: notation, family: 4 }], noAllow);
        expect(refusal, notation).toMatchObject({ kind: "address" });
      }),
    );
    fc.assert(
      fc.property(forbiddenIpv4.chain(ipv6EmbeddingNotation), (notation) => {
        expect(nonPublicRange(notation), notation).not.toBeNull();
      }),
    );
  });

  it("one non-public answer among public ones refuses the host (the connection could go to any)", () => {
    const answers = [
      { address: "93.184.216.34", family: 4 },
      { address: "::ffff:a9fe:a9fe", family: 6 },
    ];
    expect(decideAddresses("idp.example.com", 443, answers, noAllow)).toMatchObject({
      kind: "address",
      address: "::ffff:a9fe:a9fe",
      range: expect.stringContaining("169.254.169.254: link-local"),
    });
  });

  it.each([
    ["8.8.8.8", null],
    ["2606:4700::1111", null],
    ["::ffff:8.8.8.8", null],
    ["64:ff9b::8.8.8.8", null],
    ["2002:0808:0808::1", null],
    ["64:ff9b:1::a", "NAT64 for local use"],
    ["::ffff:7f00:1", "IPv4-mapped form of 127.0.0.1: loopback"],
    ["2002:a9fe:a9fe::", "6to4 form of 169.254.169.254"],
    ["not-an-ip", "not an IP address"],
  ])("classifies %s", (address, expected) => {
    const range = nonPublicRange(address);
    if (expected === null) expect(range).toBeNull();
    else expect(range).toContain(expected);
  });

  it("a host name with a trailing dot is looked up and its address judged", async () => {
    const looked: string[] = [];
    const decision = await guardOutboundUrl("https://localhost./x", {
      ...noAllow,
      resolve: async (host) => {
        looked.push(host);
        return [{ address: "127.0.0.1", family: 4 }];
      },
    });
    expect(decision).toMatchObject({ ok: false, kind: "address", address: "127.0.0.1" });
    expect(looked).toEqual(["localhost."]);
  });
});

describe("outbound guard: URL shape", () => {
  it.each([
    "https://user:pass@idp.example.com/",
    "https://user@idp.example.com/",
    "https://:pass@idp.example.com/",
    "https://@idp.example.com/",
    "https:\\\\user:pass@idp.example.com/",
    "HTTPS://u%40x:p@idp.example.com/",
  ])("refuses credentials in %s", (url) => {
    expect(urlShapeRefusal(url, {})).toMatch(/user name or password/);
  });

  it("accepts an @ in the path, refuses other schemes and plain http unless asked", () => {
    expect(urlShapeRefusal("https://idp.example.com/a@b", {})).toBeNull();
    expect(urlShapeRefusal("http://idp.example.com/", {})).toMatch(/not an https/);
    expect(urlShapeRefusal("http://idp.example.com/", { httpWhenAllowed: true })).toBeNull();
    for (const url of ["file:///etc/passwd", "ftp://x/", "gopher://x/", "javascript:alert(1)"])
      expect(urlShapeRefusal(url, { httpWhenAllowed: true }), url).not.toBeNull();
  });

  it("plain http passes only for allow-listed hosts", async () => {
    const resolve = async () => [{ address: "93.184.216.34", family: 4 }];
    const policy = { ...noAllow, httpWhenAllowed: true, resolve };
    expect(await guardOutboundUrl("http://hooks.example.com/x", policy)).toMatchObject({ ok: false });
    expect(
      await guardOutboundUrl("http://hooks.example.com/x", {
        ...policy,
        allow: parseAllowList("hooks.example.com"),
      }),
    ).toMatchObject({ ok: true });
  });
});

describe("allow-list: entries match host and port exactly", () => {
  const allow = parseAllowList("localhost, idp.internal:8443 10.1.0.0/16 [::1]:9000 192.168.5.5");

  it.each([
    ["localhost", 4613, "127.0.0.1", true],
    ["LOCALHOST.", 4613, "127.0.0.1", true],
    ["localhost.evil.example", 443, "127.0.0.1", false],
    ["evil-localhost", 443, "127.0.0.1", false],
    ["idp.internal", 8443, "10.9.9.9", true],
    ["idp.internal", 443, "10.9.9.9", false],
    ["idp.internal", 18443, "10.9.9.9", false],
    ["sub.idp.internal", 8443, "10.9.9.9", false],
    ["::1", 9000, "::1", true],
    ["::1", 9001, "::1", false],
    ["other", 443, "10.1.2.3", true],
    ["other", 443, "::ffff:10.1.2.3", true],
    ["other", 443, "10.2.0.1", false],
    ["other", 443, "192.168.5.5", true],
    ["other", 443, "192.168.5.6", false],
  ])("%s:%i → %s allowed: %s", (host, port, address, expected) => {
    expect(isAllowed(allow, host, port, address)).toBe(expected);
  });
});
