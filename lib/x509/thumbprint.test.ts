import { describe, expect, it } from "vitest";
import { readExpectations, readFixture } from "./fixtures/read-fixtures";
import { computeThumbprint, formatThumbprint, thumbprintsEqual } from "./thumbprint";

describe("thumbprints", () => {
  const rsa = readExpectations().get("rsa2048")!;

  it("hashes with the algorithm asked for, matching OpenSSL", async () => {
    const der = readFixture("rsa2048.der");
    expect(await computeThumbprint(der, "SHA-1")).toBe(rsa.sha1);
    expect(await computeThumbprint(der, "SHA-256")).toBe(rsa.sha256);
  });

  it("hashes a view into a larger buffer correctly", async () => {
    const der = readFixture("rsa2048.der");
    const padded = new Uint8Array(der.length + 10);
    padded.set(der, 5);
    expect(await computeThumbprint(padded.subarray(5, 5 + der.length), "SHA-256")).toBe(rsa.sha256);
  });

  it.each([
    ["ab:cd:0f", "colon", "AB:CD:0F"],
    ["ab:cd:0f", "plain", "ABCD0F"],
    ["ABCD0F", "colon", "AB:CD:0F"],
    ["ab cd-0f", "plain", "ABCD0F"],
    ["", "colon", ""],
  ] as const)("formatThumbprint(%j, %s) = %j", (input, style, expected) => {
    expect(formatThumbprint(input, style)).toBe(expected);
  });

  it("compares thumbprints regardless of style and case", () => {
    expect(thumbprintsEqual("ab:cd", "ABCD")).toBe(true);
    expect(thumbprintsEqual("ab:cd", "ABCE")).toBe(false);
  });
});
