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
});
