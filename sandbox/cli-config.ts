import { resolve } from "node:path";
import { DEFAULT_PORTS, type SandboxOptions } from "./server";

/** What `npm run sandbox` starts with. */
export interface CliConfig extends SandboxOptions {
  dataDir: string;
  host: string;
  ports: { uipath: number; cloudflare: number; huawei: number; issuers: number };
}

const PORT_ENV = {
  uipath: "SANDBOX_PORT_UIPATH",
  cloudflare: "SANDBOX_PORT_CLOUDFLARE",
  huawei: "SANDBOX_PORT_HUAWEI",
  issuers: "SANDBOX_PORT_ISSUERS",
} as const;

/**
 * Reads the CLI configuration from flags (`--control`, `--host=`, `--port-uipath=`,
 * `--data-dir=`, `--seed=empty`, `--now=`) and environment variables (SANDBOX_HOST,
 * SANDBOX_PORT_*, SANDBOX_DATA_DIR, SANDBOX_CONTROL, SANDBOX_SEED, SANDBOX_NOW). Flags win.
 */
export function parseCliConfig(
  argv: string[],
  env: Record<string, string | undefined>,
  cwd = process.cwd(),
): CliConfig {
  const flags = new Map<string, string>();
  for (const arg of argv) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!m) throw new Error(`unknown argument ${arg}`);
    flags.set(m[1]!, m[2] ?? "true");
  }
  const pick = (flag: string, envName: string) => flags.get(flag) ?? env[envName];
  const ports: CliConfig["ports"] = { ...DEFAULT_PORTS };
  for (const service of Object.keys(PORT_ENV) as Array<keyof typeof PORT_ENV>) {
    const raw = pick(`port-${service}`, PORT_ENV[service]);
    if (raw === undefined || raw === "") continue;
    const port = Number(raw);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new Error(`${PORT_ENV[service]} must be a port number, not ${raw}`);
    ports[service] = port;
  }
  const seed = pick("seed", "SANDBOX_SEED") ?? "demo";
  if (seed !== "demo" && seed !== "empty") throw new Error(`seed must be demo or empty, not ${seed}`);
  const nowRaw = pick("now", "SANDBOX_NOW");
  if (nowRaw !== undefined && Number.isNaN(Date.parse(nowRaw)))
    throw new Error(`SANDBOX_NOW must be an ISO date, not ${nowRaw}`);
  const control = pick("control", "SANDBOX_CONTROL");
  return {
    host: pick("host", "SANDBOX_HOST") || "127.0.0.1",
    ports,
    control: control !== undefined && /^(1|true|yes|on)$/i.test(control),
    seed,
    dataDir: resolve(cwd, pick("data-dir", "SANDBOX_DATA_DIR") || ".trustdeck/sandbox"),
    ...(nowRaw !== undefined && { now: new Date(nowRaw) }),
  };
}
