import { describe, expect, it } from "vitest";
import { parseCliConfig } from "./cli-config";

describe("sandbox CLI configuration", () => {
  it("defaults to 127.0.0.1:4510–4513, demo seed, control off, .trustdeck/sandbox", () => {
    expect(parseCliConfig([], {}, "/repo")).toEqual({
      host: "127.0.0.1",
      ports: { uipath: 4510, cloudflare: 4511, huawei: 4512, issuers: 4513 },
      control: false,
      seed: "demo",
      dataDir: "/repo/.trustdeck/sandbox",
    });
  });

  it("reads the environment; flags win", () => {
    const env = {
      SANDBOX_HOST: "0.0.0.0",
      SANDBOX_PORT_UIPATH: "0",
      SANDBOX_PORT_ISSUERS: "9443",
      SANDBOX_DATA_DIR: "/tmp/sb",
      SANDBOX_CONTROL: "1",
      SANDBOX_NOW: "2030-01-01T00:00:00Z",
    };
    const config = parseCliConfig(["--port-issuers=9444", "--seed=empty"], env, "/repo");
    expect(config).toMatchObject({
      host: "0.0.0.0",
      control: true,
      seed: "empty",
      dataDir: "/tmp/sb",
      ports: { uipath: 0, cloudflare: 4511, issuers: 9444 },
    });
    expect(config.now?.toISOString()).toBe("2030-01-01T00:00:00.000Z");
    expect(parseCliConfig(["--control"], {}, "/").control).toBe(true);
    expect(parseCliConfig([], { SANDBOX_CONTROL: "0" }, "/").control).toBe(false);
  });

  it("refuses bad ports, seeds, dates and arguments", () => {
    expect(() => parseCliConfig([], { SANDBOX_PORT_HUAWEI: "http" }, "/")).toThrow(/SANDBOX_PORT_HUAWEI/);
    expect(() => parseCliConfig(["--seed=full"], {}, "/")).toThrow(/seed/);
    expect(() => parseCliConfig([], { SANDBOX_NOW: "tomorrow" }, "/")).toThrow(/SANDBOX_NOW/);
    expect(() => parseCliConfig(["control"], {}, "/")).toThrow(/unknown argument/);
  });
});
