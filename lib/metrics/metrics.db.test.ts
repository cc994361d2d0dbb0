import { afterEach, describe, expect, it } from "vitest";
import parsePrometheusTextFormat from "parse-prometheus-text-format";
import { connections, inventoryCertificates, inventoryConnections } from "@/lib/db/schema";
import { TEST_ENGINES } from "@/lib/testing/databases";
import { metricsAuthorised, renderMetrics } from "./exposition";
import { processMetrics } from "./registry";

const NOW = new Date("2026-11-27T12:00:00Z");

describe.each(TEST_ENGINES)("metrics on $engine", ({ open }) => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  it("exposes every inventory certificate with x509-certificate-exporter names, checked against the inventory", async () => {
    const handle = await open();
    close = handle.close;
    const { db } = handle;
    const connectionId = crypto.randomUUID();
    await db.insert(connections).values({
      id: connectionId,
      vendor: "cloudflare",
      name: "Acme Access",
      baseUrl: "https://api.cloudflare.com/client/v4",
      settings: {},
      secretCiphertext: "x",
    });
    const certificates = [
      { slot: "current", cn: "acme current", notAfter: "2027-03-01T00:00:00Z", sha256: "AA".repeat(32) },
      { slot: "previous", cn: "acme previous", notAfter: "2026-11-01T00:00:00Z", sha256: "BB".repeat(32) },
    ];
    for (const c of certificates)
      await db.insert(inventoryCertificates).values({
        key: `${connectionId}/set-1/${c.sha256}`,
        connectionId,
        vendor: "cloudflare",
        setId: "set-1",
        setLabel: "Access SAML",
        setKind: "cloudflare-saml",
        slot: c.slot,
        sha256: c.sha256,
        sha1: "CC".repeat(20),
        subject: `CN=${c.cn}, O=Acme`,
        commonName: c.cn,
        issuer: "CN=Acme Issuing CA, O=Acme",
        serialNumber: "01AB",
        notBefore: new Date("2025-11-01T00:00:00Z"),
        notAfter: new Date(c.notAfter),
        keyAlgorithm: "RSA",
        keySize: 2048,
        signatureAlgorithm: "sha256WithRSAEncryption",
        pem: "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----",
        firstSeenAt: NOW,
        lastSeenAt: NOW,
      });
    await db.insert(inventoryConnections).values({
      connectionId,
      lastAttemptAt: new Date("2026-11-27T11:00:00Z"),
      lastSuccessAt: new Date("2026-11-27T10:00:00Z"),
      lastError: "rate limited",
    });
    processMetrics().vendorRequests.inc({
      vendor: "cloudflare",
      operation: "list-sets",
      outcome: "ok",
      status: "200",
    });

    const { body, contentType } = await renderMetrics(db, NOW);
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    const families = new Map(parsePrometheusTextFormat(body).map((family) => [family.name, family]));

    const notAfter = families.get("x509_cert_not_after")!;
    expect(notAfter.type).toBe("GAUGE");
    expect(notAfter.metrics).toHaveLength(certificates.length);
    for (const c of certificates) {
      const sample = notAfter.metrics.find((m) => m.labels?.sha256 === c.sha256)!;
      expect(sample.labels).toMatchObject({
        vendor: "cloudflare",
        connection: "Acme Access",
        set_id: "set-1",
        slot: c.slot,
        subject_CN: c.cn,
        issuer_CN: "Acme Issuing CA",
        serial_number: "01AB",
      });
      expect(Number(sample.value)).toBe(Date.parse(c.notAfter) / 1000);
    }
    const expired = families.get("x509_cert_expired")!.metrics;
    expect(expired.find((m) => m.labels?.slot === "previous")!.value).toBe("1");
    expect(expired.find((m) => m.labels?.slot === "current")!.value).toBe("0");

    expect(families.get("trustdeck_connection_stale")!.metrics[0]).toMatchObject({
      value: "1",
      labels: { vendor: "cloudflare", connection: "Acme Access" },
    });
    expect(
      Number(families.get("trustdeck_connection_last_refresh_success_timestamp_seconds")!.metrics[0]!.value),
    ).toBe(Date.parse("2026-11-27T10:00:00Z") / 1000);
    const requests = families.get("trustdeck_vendor_requests_total")!;
    expect(requests.type).toBe("COUNTER");
    expect(requests.metrics.some((m) => m.labels?.operation === "list-sets" && Number(m.value) >= 1)).toBe(
      true,
    );
    expect(body).not.toContain("BEGIN CERTIFICATE");
  });
});

describe("metrics token", () => {
  it("is required, compared whole, and with no token configured nothing is authorised", () => {
    const token = "scrape-token-0123456789";
    expect(metricsAuthorised(`Bearer ${token}`, token)).toBe(true);
    expect(metricsAuthorised(`Bearer ${token}x`, token)).toBe(false);
    expect(metricsAuthorised(`Bearer ${token.slice(0, -1)}`, token)).toBe(false);
    expect(metricsAuthorised(`Basic ${token}`, token)).toBe(false);
    expect(metricsAuthorised(null, token)).toBe(false);
    expect(metricsAuthorised("Bearer ", undefined)).toBe(false);
    expect(metricsAuthorised(`Bearer ${token}`, undefined)).toBe(false);
  });
});
