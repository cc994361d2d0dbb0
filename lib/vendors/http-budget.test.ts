import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";

import { VendorHttpClient, type ErrorDetails, type HttpDepsInput, type HttpRequest } from "./http";
import { expectEmpty } from "./http-response";
import { SlidingWindowLimiter, type RateBucket } from "./rate-budget";
import { manualClock } from "./testing/manual-clock";
import { json, startScriptedServer } from "./testing/scripted-server";

/** Five requests per second for the account, one of them kept for writes. */
const BUDGET: RateBucket = { key: "test|account", limit: 5, windowMs: 1_000, reservedForWrites: 1 };

class BudgetedClient extends VendorHttpClient {
  readonly vendor = "huawei" as const;
  constructor(
    private readonly baseUrl: string,
    deps: HttpDepsInput,
  ) {
    super(deps);
  }
  protected apiBase() {
    return this.baseUrl;
  }
  protected async buildAuthHeaders() {
    return {};
  }
  protected describeError(): ErrorDetails {
    return {};
  }
  protected secrets() {
    return [];
  }
  protected override rateBuckets(_request: Pick<HttpRequest<unknown>, "method" | "operation">) {
    return [BUDGET];
  }
  list() {
    return this.get({ operation: "list things", path: "/things", output: z.object({ ok: z.boolean() }) });
  }
  rotate() {
    return this.post({ operation: "rotate the thing", path: "/things/rotate", output: expectEmpty() });
  }
}

let server: Awaited<ReturnType<typeof startScriptedServer>>;
beforeAll(async () => {
  server = await startScriptedServer({
    "GET /things": (_q, res) => json(res, 200, { ok: true }),
    "POST /things/rotate": (_q, res) => res.writeHead(204).end(),
  });
});
afterAll(() => server.close());

describe("the rate budget on the HTTP path", () => {
  it("sends concurrent callers' requests within the budget, a write passing the queued reads", async () => {
    const clock = manualClock();
    const limiter = new SlidingWindowLimiter(clock);
    const client = new BudgetedClient(server.url, { limiter, budgetWaitMs: { read: 60_000, write: 60_000 } });
    const before = server.seen.length;
    const sent = () => server.seen.length - before;

    const reads = Array.from({ length: 12 }, () => client.list());
    await vi.waitFor(() => expect(limiter.waiting).toBe(8)); // 4 reads sent, the 5th slot is for writes
    await vi.waitFor(() => expect(sent()).toBe(4));

    await expect(client.rotate()).resolves.toBeUndefined(); // admitted while the reads queue
    expect(sent()).toBe(5);
    expect(server.seen.at(-1)).toMatchObject({ method: "POST", path: "/things/rotate" });

    clock.advance(999);
    expect(limiter.waiting).toBe(8); // nothing more inside the same second
    clock.advance(1);
    await vi.waitFor(() => expect(sent()).toBe(9));
    expect(limiter.waiting).toBe(4);
    clock.advance(1_000);
    await vi.waitFor(() => expect(sent()).toBe(13));
    await expect(Promise.all(reads)).resolves.toHaveLength(12);
  });

  it("fails a read that would wait past its deadline as rate-limited, saying when, without sending it", async () => {
    const clock = manualClock();
    const limiter = new SlidingWindowLimiter(clock);
    const client = new BudgetedClient(server.url, { limiter, budgetWaitMs: { read: 500, write: 500 } });
    await Promise.all(Array.from({ length: 4 }, () => client.list()));
    const before = server.seen.length;
    const error = await client.list().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "rate-limited", retryAfterSeconds: 1, retryable: false });
    expect((error as Error & { userMessage: string }).userMessage).toMatch(/Try again in 1 s/);
    expect(server.seen.length).toBe(before);
    // The write still has its reserved slot.
    await expect(client.rotate()).resolves.toBeUndefined();
    const writeRefused = await client.rotate().catch((e: unknown) => e);
    expect(writeRefused).toMatchObject({ kind: "rate-limited", outcome: "not-applied", ambiguous: false });
  });
});
