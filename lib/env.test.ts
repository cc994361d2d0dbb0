import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ENV_KEYS } from "./env";

describe(".env.example", () => {
  const documented = new Set(
    readFileSync(".env.example", "utf8")
      .split("\n")
      .map((line) => /^([A-Z][A-Z0-9_]*)=/.exec(line)?.[1])
      .filter(Boolean),
  );

  it("lists every setting the dashboard reads, and NEXTAUTH_URL", () => {
    const missing = [...ENV_KEYS, "NEXTAUTH_URL"].filter((key) => !documented.has(key));
    expect(missing).toEqual([]);
  });

  it("holds no value for a secret", () => {
    const text = readFileSync(".env.example", "utf8");
    for (const secret of [
      "NEXTAUTH_SECRET",
      "TRUSTDECK_ENCRYPTION_KEY",
      "OIDC_CLIENT_SECRET",
      "METRICS_TOKEN",
    ])
      expect(text).toMatch(new RegExp(`^${secret}=$`, "m"));
  });
});
