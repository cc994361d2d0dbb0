import { describe, expect, it } from "vitest";
import { readExpectations, readFixture, readFixtureText } from "@/lib/x509/fixtures/read-fixtures";
import { inspectCertificateInput } from "./inspect-certificate";

const openssl = readExpectations();

describe("inspectCertificateInput", () => {
  it("submits the leaf of a shuffled bundle and shows the chain", async () => {
    const result = await inspectCertificateInput(readFixture("bundle-shuffled.pem"));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.summary.sha256).toBe(openssl.get("leaf")!.sha256);
    expect(result.pem).toBe(readFixtureText("leaf.pem"));
    expect(result.certificateCount).toBe(3);
    expect(result.chain.entries.map((entry) => entry.summary.sha256)).toEqual(
      ["leaf", "intermediate-ca", "root-ca"].map((n) => openssl.get(n)!.sha256),
    );
    expect(result.chain.complete).toBe(true);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it("refuses a private key with the library's message", async () => {
    const result = await inspectCertificateInput(readFixtureText("key-ec-sec1.pem"));
    expect(result).toMatchObject({
      ok: false,
      error: { code: "ERR_PRIVATE_KEY", message: expect.stringMatching(/EC private key.*not uploaded/) },
    });
  });

  it("passes the size limit through", async () => {
    const result = await inspectCertificateInput(readFixtureText("rsa2048.pem"), { maxBytes: 100 });
    expect(result).toMatchObject({ ok: false, error: { code: "ERR_TOO_LARGE" } });
  });
});
