import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ENV_KEYS, parseEnv } from "./env";

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

describe("OIDC role settings", () => {
  it("leave roles to Trustdeck when unset", () => {
    const env = parseEnv({});
    expect(env.OIDC_ROLE_CLAIM).toBeUndefined();
    expect(env.OIDC_ROLE_MAP.size).toBe(0);
    expect(env.OIDC_SCOPE).toBe("openid email profile");
  });

  it("read the claim and the value → role table", () => {
    const env = parseEnv({
      OIDC_ROLE_CLAIM: " groups ",
      OIDC_ROLE_MAP: "trustdeck-admins=admin, trustdeck-operators=operator",
      OIDC_SCOPE: "openid groups",
    });
    expect(env.OIDC_ROLE_CLAIM).toBe("groups");
    expect(Object.fromEntries(env.OIDC_ROLE_MAP)).toEqual({
      "trustdeck-admins": "admin",
      "trustdeck-operators": "operator",
    });
    expect(env.OIDC_SCOPE).toBe("openid groups");
  });

  it("refuse a claim without a table, and a table with a bad entry", () => {
    expect(() => parseEnv({ OIDC_ROLE_CLAIM: "groups" })).toThrow(/OIDC_ROLE_MAP maps no value/);
    expect(() => parseEnv({ OIDC_ROLE_CLAIM: "groups", OIDC_ROLE_MAP: " , " })).toThrow(/maps no value/);
    expect(() => parseEnv({ OIDC_ROLE_MAP: "admins=superuser" })).toThrow(/superuser\\+" is not a role/);
    expect(() => parseEnv({ OIDC_SCOPE: "  " })).toThrow();
  });
});
