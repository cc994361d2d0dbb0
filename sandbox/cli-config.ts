import { resolve } from "node:path";
import { DEFAULT_PORTS, type SandboxOptions, type ServiceName } from "./server";

/** What `npm run sandbox` starts with. */
export interface CliConfig extends SandboxOptions {
  dataDir: string;
  host: string;
  ports: Record<ServiceName, number>;
}

/** The variable that sets a service's port: SANDBOX_PORT_<NAME>. */
export function portVariable(service: string): string {
  return `SANDBOX_PORT_${service.toUpperCase()}`;
}

const isOn = (value: string | undefined) => value !== undefined && /^(1|true|yes|on)$/i.test(value);

/**
 * Reads the CLI configuration from flags (`--control`, `--persist`, `--host=`, `--port-<service>=`,
 * `--data-dir=`, `--seed=empty`, `--now=`) and environment variables (SANDBOX_HOST,
 * SANDBOX_PORT_<SERVICE>, SANDBOX_DATA_DIR, SANDBOX_CONTROL, SANDBOX_PERSIST, SANDBOX_SEED,
 * SANDBOX_NOW). Flags win. A port for each registered vendor and the issuers.
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
  for (const service of Object.keys(DEFAULT_PORTS) as ServiceName[]) {
    const raw = pick(`port-${service}`, portVariable(service));
    if (raw === undefined || raw === "") continue;
    const port = Number(raw);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new Error(`${portVariable(service)} must be a port number, not ${raw}`);
    ports[service] = port;
  }
  const seed = pick("seed", "SANDBOX_SEED") ?? "demo";
  if (seed !== "demo" && seed !== "empty") throw new Error(`seed must be demo or empty, not ${seed}`);
  const nowRaw = pick("now", "SANDBOX_NOW");
  if (nowRaw !== undefined && Number.isNaN(Date.parse(nowRaw)))
    throw new Error(`SANDBOX_NOW must be an ISO date, not ${nowRaw}`);
  return {
    host: pick("host", "SANDBOX_HOST") || "127.0.0.1",
    ports,
    control: isOn(pick("control", "SANDBOX_CONTROL")),
    ...(isOn(pick("persist", "SANDBOX_PERSIST")) && { persist: true }),
    seed,
    dataDir: resolve(cwd, pick("data-dir", "SANDBOX_DATA_DIR") || ".trustdeck/sandbox"),
    ...(nowRaw !== undefined && { now: new Date(nowRaw) }),
  };
}
