import { describe, expect, it } from "vitest";
import { readFixtureText } from "@/lib/x509/fixtures/read-fixtures";
import { inspectCertificateInput } from "./inspect-certificate";
import { inspectOffMainThread } from "./inspect-client";

describe("inspectOffMainThread", () => {
  it("answers like inspectCertificateInput where there is no Worker (decoded in the page)", async () => {
    expect(typeof Worker).toBe("undefined");
    for (const input of [readFixtureText("bundle.pem"), readFixtureText("key-pkcs8.pem"), ""]) {
      expect(await inspectOffMainThread(input, { maxBytes: 64 * 1024 })).toEqual(
        await inspectCertificateInput(input, { maxBytes: 64 * 1024 }),
      );
    }
  });
});
