import { describe, expect, it } from "vitest";

import { processMetrics } from "@/lib/metrics/registry";
import { createCloudflareAdapter } from "./cloudflare/adapter";
import { testHttp, sandboxFixture } from "./testing/sandbox-fixture";
import { createUiPathAdapter } from "./uipath/adapter";
import { TokenCache } from "./uipath/auth";

const sb = sandboxFixture();

type Labels = Record<string, string | number>;

/** The current value of one series of a counter or histogram count (0 when absent). */
async function value(
  metric: "vendorRequests" | "rateLimitWaits" | "rateLimitWaitSeconds" | "tokenCache",
  labels: Labels,
): Promise<number> {
  const { values } = await processMetrics()[metric].get();
  return values
    .filter((v) => Object.entries(labels).every(([k, want]) => (v.labels as Labels)[k] === want))
    .reduce((sum, v) => sum + v.value, 0);
}

async function durationCount(vendor: string, operation: string): Promise<number> {
  const { values } = await processMetrics().vendorRequestDuration.get();
  return (
    values.find(
      (v) =>
        v.metricName === "trustdeck_vendor_request_duration_seconds_count" &&
        v.labels.vendor === vendor &&
        v.labels.operation === operation,
    )?.value ?? 0
  );
}

/** Runs `action` and returns how much each probe grew meanwhile (the registry is process-wide). */
async function delta(probes: Record<string, () => Promise<number>>, action: () => Promise<unknown>) {
  const before = Object.fromEntries(
    await Promise.all(Object.entries(probes).map(async ([k, p]) => [k, await p()])),
  );
  await action();
  const after = Object.fromEntries(
    await Promise.all(Object.entries(probes).map(async ([k, p]) => [k, await p()])),
  );
  return Object.fromEntries(Object.keys(probes).map((k) => [k, after[k] - before[k]]));
}

describe("vendor request metrics against the sandbox", () => {
  it("counts every request by outcome and status, observes durations and token-cache hits and misses", async () => {
    const adapter = createUiPathAdapter({ tokens: new TokenCache(), http: testHttp() });
    const conn = sb.conn("uipath", "Contoso");
    const read = { vendor: "uipath", operation: "read the SAML certificates" };
    const token = { vendor: "uipath", operation: "obtain an access token" };
    const grown = await delta(
      {
        readOk: () => value("vendorRequests", { ...read, outcome: "ok", status: "200" }),
        tokenOk: () => value("vendorRequests", { ...token, outcome: "ok", status: "200" }),
        notFound: () => value("vendorRequests", { ...read, outcome: "not-found", status: "404" }),
        durations: () => durationCount("uipath", read.operation),
        misses: () => value("tokenCache", { vendor: "uipath", result: "miss" }),
        hits: () => value("tokenCache", { vendor: "uipath", result: "hit" }),
      },
      async () => {
        await adapter.listCertificateSets(conn);
        await adapter.listCertificateSets(conn);
        await adapter
          .listCertificateSets({ ...conn, partitionGlobalId: "11111111-1111-1111-1111-111111111111" })
          .catch(() => null);
      },
    );
    expect(grown).toEqual({ readOk: 2, tokenOk: 1, notFound: 1, durations: 3, misses: 1, hits: 2 });
    expect(await sb.count("uipath", "GET", /SamlCertificate\/[^/]+\/certificates$/)).toBe(3);
  });

  it("counts a 429 as rate-limited and its Retry-After wait, then the retry as ok", async () => {
    const sleeps: number[] = [];
    const adapter = createCloudflareAdapter({ http: testHttp(sleeps) });
    const list = { vendor: "cloudflare", operation: "list SAML certificate sets" };
    await sb.control.fault({
      method: "GET",
      path: "/client/v4/accounts/*/access/saml_certificates",
      kind: "rate-limit",
      retryAfter: 3,
      count: 1,
    });
    const grown = await delta(
      {
        limited: () => value("vendorRequests", { ...list, outcome: "rate-limited", status: "429" }),
        ok: () => value("vendorRequests", { ...list, outcome: "ok", status: "200" }),
        waits: () => value("rateLimitWaits", { vendor: "cloudflare", reason: "retry-after" }),
        seconds: () => value("rateLimitWaitSeconds", { vendor: "cloudflare", reason: "retry-after" }),
      },
      () => adapter.listCertificateSets(sb.conn("cloudflare", "")),
    );
    expect(sleeps).toEqual([3000]);
    expect(grown).toEqual({ limited: 1, ok: 1, waits: 1, seconds: 3 });
  });

  it("counts transport failures with status none", async () => {
    const adapter = createCloudflareAdapter({ http: testHttp([], 1) });
    const conn = { ...sb.conn("cloudflare", ""), baseUrl: "http://127.0.0.1:9/client/v4" };
    const grown = await delta(
      {
        network: () =>
          value("vendorRequests", {
            vendor: "cloudflare",
            operation: "list SAML certificate sets",
            outcome: "network",
            status: "none",
          }),
      },
      () => adapter.listCertificateSets(conn).catch(() => null),
    );
    expect(grown).toEqual({ network: 1 });
  });
});
