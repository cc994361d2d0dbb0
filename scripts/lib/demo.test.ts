import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer, connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const SERVICES = ["uipath", "cloudflare", "huawei", "issuers"] as const;

const children: ChildProcess[] = [];
const folders: string[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function tempFolder(): string {
  const folder = mkdtempSync(path.join(tmpdir(), "trustdeck-demo-"));
  folders.push(folder);
  return folder;
}

/** Ports nobody listens on right now (bound to 0, then released). */
async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<ReturnType<typeof createServer>>((resolve) => {
          const server = createServer();
          server.listen(0, "127.0.0.1", () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((s) => (s.address() as { port: number }).port);
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  return ports;
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function spawnNode(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<{ code: number | null; output: string }>((resolve) =>
    child.on("exit", (code) => resolve({ code, output })),
  );
  return { child, exited, output: () => output };
}

async function until(check: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function portEnv(ports: number[]): Record<string, string> {
  return Object.fromEntries(SERVICES.map((s, i) => [`SANDBOX_PORT_${s.toUpperCase()}`, String(ports[i])]));
}

/** `npm run sandbox` with its state kept in `dataDir`; resolves once it has written sandbox.json. */
async function startSandbox(dataDir: string, ports: number[]) {
  const info = path.join(dataDir, "sandbox.json");
  const before = existsSync(info) ? statSync(info).mtimeMs : 0;
  const sandbox = spawnNode(["--import", "tsx", "sandbox/main.ts"], {
    ...portEnv(ports),
    SANDBOX_DATA_DIR: dataDir,
    SANDBOX_PERSIST: "1",
  });
  await until(() => {
    if (sandbox.child.exitCode !== null) throw new Error(`the sandbox exited: ${sandbox.output()}`);
    return existsSync(info) && statSync(info).mtimeMs > before;
  }, "the sandbox");
  return sandbox;
}

interface CfSet {
  uid: string;
  current_certificate: { uid: string };
  previous_certificate: { uid: string } | null;
}

async function cloudflare(dataDir: string, method: string, suffix: string): Promise<CfSet> {
  const connections = JSON.parse(readFileSync(path.join(dataDir, "connections.json"), "utf8")) as Array<
    Record<string, string>
  >;
  const acme = connections.find((c) => c.name === "Acme Corp (sandbox)")!;
  const res = await fetch(`${acme.baseUrl}/accounts/${acme.accountId}/access/saml_certificates${suffix}`, {
    method,
    headers: { authorization: `Bearer ${acme.apiToken}` },
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { result: CfSet | CfSet[] }).result as CfSet;
}

describe("the sandbox keeps vendor state in its data folder", () => {
  it("a rotation survives a kill -9 (saved on change) and a clean stop (saved on exit)", async () => {
    const dataDir = path.join(tempFolder(), "sandbox");
    const ports = await freePorts(4);
    let sandbox = await startSandbox(dataDir, ports);
    const [set] = (await cloudflare(dataDir, "GET", "?per_page=1")) as unknown as CfSet[];
    const uid = set!.uid;

    const stateFile = path.join(dataDir, "state.v8");
    const savedBefore = statSync(stateFile).mtimeMs;
    const first = await cloudflare(dataDir, "POST", `/${uid}/rotate`);
    await until(() => statSync(stateFile).mtimeMs > savedBefore, "the state to be saved");
    sandbox.child.kill("SIGKILL");
    await sandbox.exited;

    sandbox = await startSandbox(dataDir, ports);
    expect(sandbox.output()).toContain("State       restored from");
    const afterCrash = await cloudflare(dataDir, "GET", `/${uid}`);
    expect(afterCrash.current_certificate.uid).toBe(first.current_certificate.uid);
    expect(afterCrash.previous_certificate?.uid).toBe(first.previous_certificate?.uid);

    const second = await cloudflare(dataDir, "POST", `/${uid}/rotate`);
    expect(second.current_certificate.uid).not.toBe(first.current_certificate.uid); // a new runtime id
    sandbox.child.kill("SIGTERM");
    expect((await sandbox.exited).code).toBe(0);

    sandbox = await startSandbox(dataDir, ports);
    const afterStop = await cloudflare(dataDir, "GET", `/${uid}`);
    expect(afterStop.current_certificate.uid).toBe(second.current_certificate.uid);
    expect(afterStop.previous_certificate?.uid).toBe(first.current_certificate.uid);
    sandbox.child.kill("SIGTERM");
    await sandbox.exited;
  }, 120_000);
});

/** Every string in `value` held under a key that names a credential (secret, password, token, key). */
function credentialValues(value: unknown, key = ""): string[] {
  if (typeof value === "string") return /secret|password|token|key/i.test(key) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((item) => credentialValues(item, key));
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => credentialValues(v, k));
  return [];
}

describe("npm run sandbox prints where its credentials are, not the credentials", () => {
  it("names connections.json and sandbox.json (both mode 0600) and prints none of their secrets", async () => {
    const dataDir = path.join(tempFolder(), "sandbox");
    const sandbox = await startSandbox(dataDir, await freePorts(4));
    const output = sandbox.output();
    const files = ["connections.json", "sandbox.json"].map((name) => path.join(dataDir, name));
    const secrets = files.flatMap((file) => {
      expect(statSync(file).mode & 0o777, file).toBe(0o600);
      return credentialValues(JSON.parse(readFileSync(file, "utf8")));
    });
    // Every vendor's credentials and the IdP's client secret and password are in the files …
    expect(secrets.length).toBeGreaterThanOrEqual(5);
    // … and none of them in what was printed; the files are named instead.
    for (const secret of secrets) expect(output, "a credential was printed").not.toContain(secret);
    for (const file of files) expect(output).toContain(path.basename(file));
    sandbox.child.kill("SIGTERM");
    await sandbox.exited;
  }, 120_000);
});

describe("npm run demo never leaves processes behind", () => {
  /** A demo data folder whose encryption key is malformed, so seeding fails (before any build). */
  function brokenDemoFolder(): string {
    const data = tempFolder();
    mkdirSync(data, { recursive: true });
    writeFileSync(path.join(data, "secrets.env"), "NEXTAUTH_SECRET=x\nTRUSTDECK_ENCRYPTION_KEY=not-a-key\n", {
      mode: 0o600,
    });
    return data;
  }

  it("a failed seed stops the sandbox the demo started: no listener on its ports, no process", async () => {
    const data = brokenDemoFolder();
    const ports = await freePorts(5);
    const demo = spawnNode(["scripts/demo.mjs"], {
      ...portEnv(ports),
      PORT: String(ports[4]),
      TRUSTDECK_DATA_DIR: data,
    });
    const { code, output } = await demo.exited;
    expect(code).toBe(1);
    expect(output).toContain("TRUSTDECK_ENCRYPTION_KEY");
    expect(output).toContain("demo: seeding the demo database failed");
    const sandboxPid = (
      JSON.parse(readFileSync(path.join(data, "sandbox", "sandbox.json"), "utf8")) as { pid: number }
    ).pid;
    expect(output).toContain(
      `demo: stopped every process it had started: the vendor sandbox (pid ${sandboxPid})`,
    );
    expect(isAlive(sandboxPid)).toBe(false);
    for (const port of ports) expect(await listening(port), `port ${port}`).toBe(false);
    expect(existsSync(path.join(data, "db"))).toBe(false); // the database was never opened
  }, 120_000);

  it("reuses a sandbox already running from its data folder, and leaves it running on failure", async () => {
    const data = brokenDemoFolder();
    const ports = await freePorts(5);
    const sandbox = await startSandbox(path.join(data, "sandbox"), ports.slice(0, 4));
    const demo = spawnNode(["scripts/demo.mjs"], {
      ...portEnv(ports),
      PORT: String(ports[4]),
      TRUSTDECK_DATA_DIR: data,
    });
    const { code, output } = await demo.exited;
    expect(code).toBe(1);
    expect(output).toContain(`demo: reusing the vendor sandbox already running (pid ${sandbox.child.pid})`);
    expect(output).toContain("demo: no process of its own was left running");
    expect(sandbox.child.exitCode).toBe(null);
    expect(await listening(ports[0]!)).toBe(true);
    sandbox.child.kill("SIGTERM");
    await sandbox.exited;
  }, 120_000);
});
