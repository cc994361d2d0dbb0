import { describe, expect, it } from "vitest";
import type { InventoryCertificate } from "@/lib/inventory/types";
import { pickTimelineCertificate } from "./pick";

const base: InventoryCertificate = {
  key: "c/s/AB",
  vendor: "huawei",
  connectionId: "c",
  connectionName: "Acme",
  setId: "s",
  setLabel: "SP",
  setHref: "/certificates/c/s",
  slot: "id-1",
  sha256: "AB",
  sha1: "CD",
  subject: "CN=x",
  issuer: "CN=ca",
  serialNumber: "01",
  notBefore: "2026-01-01T00:00:00.000Z",
  notAfter: "2027-01-01T00:00:00.000Z",
  keyAlgorithm: "RSA",
  keySize: 2048,
  signatureAlgorithm: "sha256WithRSAEncryption",
  firstSeenAt: "2026-01-02T00:00:00.000Z",
  lastSeenAt: "2026-01-03T00:00:00.000Z",
};

describe("pickTimelineCertificate", () => {
  it.each([
    { name: "without optional fields", over: {}, extra: [] },
    {
      name: "with state and common name",
      over: { state: "INACTIVE" as const, commonName: "x" },
      extra: ["state", "commonName"],
    },
  ])("keeps only what the timeline draws ($name)", ({ over, extra }) => {
    const picked = pickTimelineCertificate({ ...base, ...over });
    expect(Object.keys(picked).sort()).toEqual(
      [
        "key",
        "vendor",
        "connectionId",
        "connectionName",
        "setId",
        "setLabel",
        "setHref",
        "slot",
        "sha256",
        "subject",
        "notBefore",
        "notAfter",
        ...extra,
      ].sort(),
    );
    expect(picked).not.toHaveProperty("issuer");
  });
});
