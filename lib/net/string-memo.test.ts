import { describe, expect, it } from "vitest";
import { nonPublicRange } from "./address-policy";
import { normalizeHost } from "./allow-list";
import { memoizeByString } from "./string-memo";

describe("memoizeByString", () => {
  it("computes each argument once, answers as the function does, and stays within its bound", () => {
    const calls: string[] = [];
    const length = memoizeByString((text) => {
      calls.push(text);
      return text.length;
    }, 3);
    expect([length("a"), length("bb"), length("a"), length("bb")]).toEqual([1, 2, 1, 2]);
    expect(calls).toEqual(["a", "bb"]);
    // A stream of distinct arguments never grows it past its bound: it forgets and recomputes.
    for (const text of ["c", "dd", "eee", "ffff", "a"]) length(text);
    expect(length("a")).toBe(1);
    expect(calls).toEqual(["a", "bb", "c", "dd", "eee", "ffff", "a"]);
  });

  it("keeps the address checks' answers, asked twice, in every notation", () => {
    for (const address of [
      "127.0.0.1",
      "0x7f.1",
      "2130706433",
      "[::ffff:127.0.0.1]",
      "8.8.8.8",
      "example.com",
    ])
      expect(nonPublicRange(address)).toBe(nonPublicRange(address));
    expect(nonPublicRange("0x7f.1")).toBe("loopback, 127.0.0.0/8");
    expect(nonPublicRange("8.8.8.8")).toBeNull();
    expect(normalizeHost("[::FFFF:7F00:1]")).toBe(normalizeHost("[::ffff:7f00:1]"));
    expect(normalizeHost("Gateway.Internal.")).toBe("gateway.internal");
  });
});
