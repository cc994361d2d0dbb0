import { describe, expect, it } from "vitest";

import { fakeSummary } from "@/lib/inventory/testing/fake-certificates";
import type { CertificateSummary } from "@/lib/x509/summary";
import { SummaryCache } from "./summary-cache";

const TAIL = `${"S".repeat(120)}\n-----END CERTIFICATE-----\n`;
/** Texts of equal length and equal end: the cache's index cannot tell them apart. */
const text = (head: string) => `-----BEGIN CERTIFICATE-----\n${head.padEnd(40, "A")}${TAIL}`;

function counting() {
  const calls: string[] = [];
  const summarize = async (t: string): Promise<CertificateSummary> => {
    calls.push(t);
    return fakeSummary(t.slice(28, 40), "2030-01-01T00:00:00.000Z");
  };
  return { calls, summarize };
}

describe("SummaryCache", () => {
  it("summarises each text once, answers known ones without waiting, and is exact for texts that share an index", async () => {
    const cache = new SummaryCache(10);
    const { calls, summarize } = counting();
    const [a, b] = [text("first"), text("second")];
    expect(a.length).toBe(b.length);
    expect(cache.peek(a)).toBeUndefined();
    const first = await cache.get(a, summarize);
    expect(cache.peek(a)).toBe(first);
    expect(await cache.get(a, summarize)).toBe(first);
    // Same length and same last characters, different certificate: a miss, never a's summary.
    expect(cache.peek(b)).toBeUndefined();
    const second = await cache.get(b, summarize);
    expect(second).not.toBe(first);
    expect(second.commonName).toBe("secondAAAAAA".slice(0, 12));
    expect(calls).toEqual([a, b]);
  });

  it("shares one summary between concurrent first reads", async () => {
    const cache = new SummaryCache(10);
    const { calls, summarize } = counting();
    const results = await Promise.all([1, 2, 3].map(() => cache.get(text("same"), summarize)));
    expect(new Set(results).size).toBe(1);
    expect(calls).toHaveLength(1);
  });

  it("keeps failures out, so a later read tries again", async () => {
    const cache = new SummaryCache(10);
    let attempts = 0;
    const failOnce = async (t: string) => {
      attempts++;
      if (attempts === 1) throw new Error("unreadable");
      return fakeSummary(t.slice(28, 40), "2030-01-01T00:00:00.000Z");
    };
    await expect(cache.get(text("flaky"), failOnce)).rejects.toThrow("unreadable");
    await Promise.resolve();
    expect(cache.size).toBe(0);
    await expect(cache.get(text("flaky"), failOnce)).resolves.toBeDefined();
    expect(attempts).toBe(2);
  });

  it("evicts the least recently used beyond its bound, and a full cycle smaller than the bound never misses", async () => {
    const cache = new SummaryCache(3);
    const { calls, summarize } = counting();
    const [a, b, c, d] = ["a", "b", "c", "d"].map((x) => `${TAIL}${x}`);
    for (const t of [a, b, c]) await cache.get(t!, summarize);
    await cache.get(a!, summarize); // a is now the most recent
    await cache.get(d!, summarize); // evicts b
    expect(cache.size).toBe(3);
    expect(cache.peek(b!)).toBeUndefined();
    expect(cache.peek(a!)).toBeDefined();
    for (let round = 0; round < 3; round++) for (const t of [a, c, d]) await cache.get(t!, summarize);
    expect(calls).toEqual([a, b, c, d]);
  });

  it("evicts certificates seen once before those read again, whatever their age", async () => {
    const cache = new SummaryCache(4);
    const { calls, summarize } = counting();
    const working = ["w1", "w2", "w3"].map((x) => `${TAIL}${x}`);
    for (let round = 0; round < 10; round++) {
      for (const t of working) await cache.get(t, summarize);
      await cache.get(`${TAIL}once-${round}`, summarize);
      expect(cache.size).toBeLessThanOrEqual(4);
    }
    expect(calls.filter((t) => working.includes(t))).toEqual(working);
    expect(calls).toHaveLength(3 + 10);
  });

  it("keeps 5,000 distinct certificates apart and finds each from a fresh copy of its text", async () => {
    const cache = new SummaryCache(20_000);
    const { calls, summarize } = counting();
    let seed = 17;
    const base64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const randomBody = () =>
      Array.from({ length: 1_600 }, () => {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        return base64[seed >>> 26];
      }).join("");
    const texts = Array.from(
      { length: 5_000 },
      () => `-----BEGIN CERTIFICATE-----\n${randomBody()}\n-----END CERTIFICATE-----\n`,
    );
    for (const t of texts) await cache.get(t, summarize);
    expect(cache.size).toBe(5_000);
    // A new page of the same certificates: equal texts, new string objects.
    const again = texts.map((t) => JSON.parse(JSON.stringify(t)) as string);
    expect(again.every((t) => cache.peek(t) !== undefined)).toBe(true);
    expect(calls).toHaveLength(5_000);
  });
});
