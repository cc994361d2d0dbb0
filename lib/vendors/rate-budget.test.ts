import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { getEventListeners } from "node:events";

import { cloudflareRateBudget } from "./cloudflare/rate-budget";
import { huaweiRateBudget } from "./huawei/rate-budget";
import type { ConnectionFor } from "./model";
import {
  bucketsPerRequestKind,
  instanceShareOfBudget,
  rateBucketsFor,
  RateBudgetExhausted,
  SlidingWindowLimiter,
  type RateBucket,
} from "./rate-budget";
import { manualClock } from "./testing/manual-clock";
import { uipathRateBudget } from "./uipath/rate-budget";

const bucket = (limit: number, windowMs: number, reservedForWrites = 0, key = "acct"): RateBucket => ({
  key,
  limit,
  windowMs,
  reservedForWrites,
});

/** The largest number of admissions inside any window of `windowMs` (half-open). */
function busiestWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; j < sorted.length; j++) {
    while (sorted[j]! - sorted[i]! >= windowMs) i++;
    best = Math.max(best, j - i + 1);
  }
  return best;
}

describe("sliding-window rate budget", () => {
  it("never admits more than the limit in any window, whatever the arrivals, and admits everyone in the end", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 10, max: 500 }),
        fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 1, maxLength: 40 }),
        async (limit, windowMs, gaps) => {
          const clock = manualClock(1_000);
          const limiter = new SlidingWindowLimiter(clock);
          const admittedAt: number[] = [];
          const calls: Promise<void>[] = [];
          for (const gap of gaps) {
            clock.advance(gap);
            const askedAt = clock.now();
            calls.push(
              limiter
                .acquire([bucket(limit, windowMs)], { write: false, maxWaitMs: Infinity })
                .then((waited) => void admittedAt.push(askedAt + waited)),
            );
          }
          for (let i = 0; i < gaps.length + 2 && limiter.waiting > 0; i++) clock.advance(windowMs);
          await Promise.all(calls);
          expect(admittedAt).toHaveLength(gaps.length);
          expect(busiestWindow(admittedAt, windowMs)).toBeLessThanOrEqual(limit);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("admits a write from the reserve while reads queue, and before queued reads once the window is full", async () => {
    const clock = manualClock();
    const limiter = new SlidingWindowLimiter(clock);
    const shared = [bucket(5, 1_000, 1)];
    const order: string[] = [];
    const read = (name: string) =>
      limiter.acquire(shared, { write: false, maxWaitMs: 60_000 }).then(() => void order.push(name));
    const write = (name: string) =>
      limiter.acquire(shared, { write: true, maxWaitMs: 60_000 }).then(() => void order.push(name));

    const reads = ["r1", "r2", "r3", "r4", "r5", "r6"].map(read);
    await Promise.resolve();
    expect(order).toEqual(["r1", "r2", "r3", "r4"]); // the fifth slot is the writes' reserve
    expect(limiter.waiting).toBe(2);
    await write("w1");
    expect(order).toEqual(["r1", "r2", "r3", "r4", "w1"]);

    const late = write("w2"); // the window is full: w2 waits, but ahead of r5 and r6
    clock.advance(1_000);
    await Promise.all([...reads, late]);
    expect(order.slice(5)).toEqual(["w2", "r5", "r6"]);
  });

  it("fails a read at once with the time to retry when its wait would exceed its deadline", async () => {
    const clock = manualClock();
    const limiter = new SlidingWindowLimiter(clock);
    const minute = [bucket(2, 60_000)];
    await limiter.acquire(minute, { write: false, maxWaitMs: 0 });
    clock.advance(10_000);
    await limiter.acquire(minute, { write: false, maxWaitMs: 0 });
    const refused = await limiter
      .acquire(minute, { write: false, maxWaitMs: 5_000 })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RateBudgetExhausted);
    expect((refused as RateBudgetExhausted).retryAfterMs).toBe(50_000);
    expect(limiter.waiting).toBe(0);

    // Within its deadline it waits, and is admitted when the first slot frees.
    const waited = limiter.acquire(minute, { write: false, maxWaitMs: 55_000 });
    clock.advance(50_000);
    await expect(waited).resolves.toBe(50_000);
  });

  it("gives up on a queued read when writes keep taking the slot past its deadline", async () => {
    const clock = manualClock();
    const limiter = new SlidingWindowLimiter(clock);
    const one = [bucket(1, 1_000)];
    await limiter.acquire(one, { write: false, maxWaitMs: 0 });
    const read = limiter.acquire(one, { write: false, maxWaitMs: 1_500 }).catch((e: unknown) => e);
    const writes = [1, 2].map(() => limiter.acquire(one, { write: true, maxWaitMs: 10_000 }));
    clock.advance(1_000); // the first write takes the slot
    clock.advance(600); // the read's deadline passes behind the second write
    expect(await read).toBeInstanceOf(RateBudgetExhausted);
    clock.advance(1_000);
    await Promise.all(writes);
  });

  it("lets an abandoned read leave the queue without a slot; the one behind it moves up", async () => {
    const clock = manualClock();
    const limiter = new SlidingWindowLimiter(clock);
    const one = [bucket(1, 1_000)];
    await limiter.acquire(one, { write: false, maxWaitMs: 0 });
    const abandon = new AbortController();
    const reason = new Error("abandoned");
    const abandoned = limiter
      .acquire(one, { write: false, maxWaitMs: 5_000, signal: abandon.signal })
      .catch((e: unknown) => e);
    const behind = limiter.acquire(one, { write: false, maxWaitMs: 5_000 });
    expect(limiter.waiting).toBe(2);
    abandon.abort(reason);
    expect(await abandoned).toBe(reason);
    expect(limiter.waiting).toBe(1);
    clock.advance(1_000); // the slot the abandoned read would have taken goes to the next one
    await expect(behind).resolves.toBe(1_000);
    await expect(limiter.acquire(one, { write: false, maxWaitMs: 0, signal: abandon.signal })).rejects.toBe(
      reason,
    );
  });

  it("a queued read admitted or refused stops listening to its scope's signal (the scope outlives it)", async () => {
    const clock = manualClock();
    const limiter = new SlidingWindowLimiter(clock);
    const one = [bucket(1, 1_000)];
    const scope = new AbortController();
    await limiter.acquire(one, { write: false, maxWaitMs: 0 });
    const admitted = limiter.acquire(one, { write: false, maxWaitMs: 5_000, signal: scope.signal });
    const refused = limiter
      .acquire(one, { write: false, maxWaitMs: 1_500, signal: scope.signal })
      .catch((e: unknown) => e);
    expect(getEventListeners(scope.signal, "abort")).toHaveLength(2);
    clock.advance(1_000);
    await expect(admitted).resolves.toBe(1_000);
    clock.advance(600); // the second one's deadline passes while the first holds the slot
    expect(await refused).toBeInstanceOf(RateBudgetExhausted);
    expect(getEventListeners(scope.signal, "abort")).toHaveLength(0);
  });

  it("holds an account after a 429 for its Retry-After, other accounts unaffected", async () => {
    const clock = manualClock();
    const limiter = new SlidingWindowLimiter(clock);
    limiter.holdFor(["held"], 3_000);
    const held = limiter.acquire([bucket(10, 1_000, 0, "held")], { write: false, maxWaitMs: 10_000 });
    await expect(
      limiter.acquire([bucket(10, 1_000, 0, "other")], { write: false, maxWaitMs: 0 }),
    ).resolves.toBe(0);
    await expect(
      limiter.acquire([bucket(10, 1_000, 0, "held")], { write: false, maxWaitMs: 1_000 }),
    ).rejects.toMatchObject({ retryAfterMs: 3_000 });
    clock.advance(3_000);
    await expect(held).resolves.toBe(3_000);
  });
});

describe("vendor budgets", () => {
  const uipath = { baseUrl: "https://cloud.uipath.com", organizationName: "acme" } as ConnectionFor<"uipath">;
  const cloudflare = {
    baseUrl: "https://api.cloudflare.com/client/v4",
    apiToken: "token-a",
  } as ConnectionFor<"cloudflare">;
  const huawei = {
    baseUrl: "https://identitycenter.ap-southeast-1.myhuaweicloud.com",
    identityStoreId: "d-12345678",
  } as ConnectionFor<"huawei">;

  it("keeps UiPath per organization and method at 80 % of the documented limits", () => {
    const [get] = rateBucketsFor("uipath", uipathRateBudget, uipath, { method: "GET", operation: "x" });
    expect(get).toMatchObject({ limit: 240, windowMs: 300_000, reservedForWrites: 0 });
    const [put] = rateBucketsFor("uipath", uipathRateBudget, uipath, { method: "PUT", operation: "x" });
    expect(put).toMatchObject({ limit: 128, windowMs: 300_000 });
    const [del] = rateBucketsFor("uipath", uipathRateBudget, uipath, { method: "DELETE", operation: "x" });
    expect(del!.key).not.toBe(put!.key);
    const other = { ...uipath, organizationName: "other" };
    expect(
      rateBucketsFor("uipath", uipathRateBudget, other, { method: "GET", operation: "x" })[0]!.key,
    ).not.toBe(get!.key);
  });

  it("keeps Cloudflare per token (without the token in the key) and per IP, with a write reserve", () => {
    const buckets = rateBucketsFor("cloudflare", cloudflareRateBudget, cloudflare, {
      method: "POST",
      operation: "rotate",
    });
    expect(buckets.map((b) => [b.limit, b.windowMs, b.reservedForWrites])).toEqual([
      [960, 300_000, 96],
      [160, 1_000, 16],
    ]);
    expect(buckets.some((b) => b.key.includes("token-a"))).toBe(false);
    const otherToken = rateBucketsFor(
      "cloudflare",
      cloudflareRateBudget,
      { ...cloudflare, apiToken: "token-b" },
      { method: "GET", operation: "list" },
    );
    expect(otherToken[0]!.key).not.toBe(buckets[0]!.key);
    expect(otherToken[1]!.key).toBe(buckets[1]!.key);
  });

  it("keeps Huawei per API of an identity store and per endpoint; headroom is a setting", () => {
    const list = rateBucketsFor("huawei", huaweiRateBudget, huawei, { method: "GET", operation: "list" }, 50);
    const create = rateBucketsFor(
      "huawei",
      huaweiRateBudget,
      huawei,
      { method: "POST", operation: "create" },
      50,
    );
    expect(list.map((b) => b.limit)).toEqual([5, 150, 10]);
    expect(list[0]!.key).not.toBe(create[0]!.key);
    expect(list[2]!.key).toBe(create[2]!.key);
  });
  it("splits the budget between instances that share the vendor accounts", () => {
    const percent = instanceShareOfBudget(80, 3);
    const buckets = rateBucketsFor(
      "huawei",
      huaweiRateBudget,
      huawei,
      { method: "GET", operation: "list" },
      percent,
    );
    const whole = rateBucketsFor(
      "huawei",
      huaweiRateBudget,
      huawei,
      { method: "GET", operation: "list" },
      80,
    );
    // Three instances together never exceed what one instance alone may use.
    buckets.forEach((bucket, i) =>
      expect(bucket.limit * 3).toBeLessThanOrEqual(Math.max(3, whole[i]!.limit)),
    );
    expect(buckets.every((bucket) => bucket.limit >= 1)).toBe(true);
    expect(instanceShareOfBudget(80, 1)).toBe(80);
    expect(instanceShareOfBudget(80, 0)).toBe(80);
  });
});

describe("bucketsPerRequestKind", () => {
  it("computes a client's buckets once per method and operation, frozen, the same as computed afresh", () => {
    const computed: string[] = [];
    const conn = {
      id: "c",
      baseUrl: "https://api.cloudflare.com/client/v4",
      accountId: "a",
      apiToken: "token-a",
    };
    const buckets = bucketsPerRequestKind((request) => {
      computed.push(`${request.method} ${request.operation}`);
      return rateBucketsFor("cloudflare", cloudflareRateBudget, conn as ConnectionFor<"cloudflare">, request);
    });
    const list = buckets({ method: "GET", operation: "list" });
    expect(buckets({ method: "GET", operation: "list" })).toBe(list);
    const rotate = buckets({ method: "POST", operation: "rotate" });
    expect(buckets({ method: "GET", operation: "read" })).toEqual(list);
    expect(computed).toEqual(["GET list", "POST rotate", "GET read"]);
    expect(rotate).toEqual(
      rateBucketsFor("cloudflare", cloudflareRateBudget, conn as ConnectionFor<"cloudflare">, {
        method: "POST",
        operation: "rotate",
      }),
    );
    // Shared by every request of the client: nobody can alter what the next one draws from.
    expect(Object.isFrozen(list) && list.every((bucket) => Object.isFrozen(bucket))).toBe(true);
  });
});
