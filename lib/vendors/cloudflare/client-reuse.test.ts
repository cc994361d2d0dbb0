import { describe, expect, it, vi } from "vitest";

import { CLOUDFLARE_TOKENS } from "@/sandbox/cloudflare/catalog";
import { isVendorError } from "../errors";
import { SlidingWindowLimiter, type RateBucket } from "../rate-budget";
import { sandboxFixture, testHttp } from "../testing/sandbox-fixture";
import { createCloudflareAdapter } from "./adapter";

// Count the clients built, each working as the real one.
const built = vi.hoisted(() => ({ clients: 0 }));
vi.mock("./client", async (importOriginal) => {
  const original = await importOriginal<typeof import("./client")>();
  class CountedClient extends original.CloudflareClient {
    constructor(...args: ConstructorParameters<typeof original.CloudflareClient>) {
      super(...args);
      built.clients++;
    }
  }
  return { ...original, CloudflareClient: CountedClient };
});

const sb = sandboxFixture();

describe("Cloudflare client per connection", () => {
  it("builds one client per connection and reuses it for every request, across calls", async () => {
    const adapter = createCloudflareAdapter({ http: testHttp() });
    const conn = sb.conn("cloudflare", "Initech");
    const before = built.clients;
    for (let i = 0; i < 3; i++) expect(await adapter.listCertificateSets(conn)).toHaveLength(30);
    // The same connection loaded again (a new object, as each refresh loads it) shares the client.
    await adapter.getCertificateSet({ ...conn }, (await adapter.listCertificateSets(conn))[0]!.id);
    expect(built.clients - before).toBe(1);
    // Initech's 30 sets are one page of 100: four listings and one read were five requests.
    expect((await sb.control.requests("cloudflare")).length).toBe(5);
  });

  it("gives concurrent calls on one client each their own answer, a failure included", async () => {
    const adapter = createCloudflareAdapter({ http: testHttp([], 1) });
    const conn = sb.conn("cloudflare", "Acme");
    const sets = await adapter.listCertificateSets(conn);
    const [failing, ok] = [sets[0]!.id, sets[1]!.id];
    await sb.control.fault({
      path: `/client/v4/accounts/*/access/saml_certificates/${failing}`,
      kind: "status",
      status: 404,
    });
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) => adapter.getCertificateSet(conn, i % 2 === 0 ? failing : ok)),
    );
    results.forEach((result, i) => {
      if (i % 2 === 0) {
        expect(result.status).toBe("rejected");
        const reason = result.status === "rejected" ? (result.reason as unknown) : undefined;
        expect(isVendorError(reason) && reason.kind).toBe("not-found");
        expect(isVendorError(reason) && reason.toJSON().status).toBe(404);
      } else {
        expect(result).toMatchObject({ status: "fulfilled", value: { id: ok } });
      }
    });
  });

  it("an edited connection (a replaced token) gets its own client, never the old one's credentials", async () => {
    const adapter = createCloudflareAdapter({ http: testHttp([], 1) });
    const conn = sb.conn("cloudflare", "Acme");
    expect((await adapter.listCertificateSets(conn)).length).toBeGreaterThan(0);
    const replaced = { ...conn, apiToken: CLOUDFLARE_TOKENS.acmeDisabled.value };
    await expect(adapter.listCertificateSets(replaced)).rejects.toSatisfy(isVendorError);
    expect((await adapter.listCertificateSets(conn)).length).toBeGreaterThan(0);
    const sent = (await sb.control.requests("cloudflare")).filter((r) =>
      r.path.endsWith("/saml_certificates"),
    );
    expect(sent.map((r) => r.status)).toEqual([200, 403, 200]);
  });

  it("draws every request from the rate budget of the connection as it is now, an edited token from its own", async () => {
    const drawn: string[][] = [];
    const limiter = new (class extends SlidingWindowLimiter {
      override acquire(
        buckets: readonly RateBucket[],
        options: Parameters<SlidingWindowLimiter["acquire"]>[1],
      ) {
        drawn.push(buckets.map((bucket) => bucket.key));
        return super.acquire(buckets, options);
      }
    })();
    const adapter = createCloudflareAdapter({ http: { ...testHttp([], 1), limiter } });
    const conn = sb.conn("cloudflare", "Acme");
    await adapter.listCertificateSets(conn);
    await adapter.listCertificateSets({ ...conn });
    const replaced = { ...conn, apiToken: CLOUDFLARE_TOKENS.acmeDisabled.value };
    await expect(adapter.listCertificateSets(replaced)).rejects.toSatisfy(isVendorError);
    // One draw per request sent (the refused listing's token check included), each from the
    // token's window and the host's.
    const sent = await sb.control.requests("cloudflare");
    expect(drawn).toHaveLength(sent.length);
    const [first, second, edited] = [drawn[0]!, drawn[1]!, drawn.at(-1)!];
    expect(first).toHaveLength(2);
    expect(second).toEqual(first);
    expect(edited[0]).not.toBe(first[0]);
    expect(edited[1]).toBe(first[1]);
  });
});
