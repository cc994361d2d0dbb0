// The demo's vendor sandbox: reused when one already runs on the demo's ports (its state lives on),
// otherwise started with its state kept in its data folder.
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { answers, isAlive, TSX_NODE } from "./processes.mjs";

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

/** What `<dataDir>/sandbox.json` says (pid, URLs, IdP, CA file), or undefined when unreadable. */
export function readSandboxInfo(dataDir) {
  return readJson(join(dataDir, "sandbox.json"));
}

/** The sandbox that `<dataDir>/sandbox.json` describes, when its process runs and its ports answer. */
export async function runningSandbox(dataDir) {
  const info = readSandboxInfo(dataDir);
  if (!info || !isAlive(info.pid) || !info.urls) return undefined;
  const vendorUrls = Object.entries(info.urls).filter(([name]) => name !== "issuers");
  if (vendorUrls.length === 0) return undefined;
  for (const [, url] of vendorUrls) if (!(await answers(new URL(url).origin))) return undefined;
  return info;
}

/**
 * Reuses the sandbox already running from `dataDir`, or starts one (through `supervisor`, so it is
 * stopped with everything else the demo started) that keeps its state in `dataDir`.
 * Resolves with its demo connections and CA file.
 */
export async function startOrReuseSandbox(supervisor, { dataDir, log = console.log, timeoutMs = 60_000 }) {
  const connectionsFile = join(dataDir, "connections.json");
  // sandbox.json is the last file the sandbox writes once it listens.
  const infoFile = join(dataDir, "sandbox.json");
  const reused = await runningSandbox(dataDir);
  if (reused) {
    log(`demo: reusing the vendor sandbox already running (pid ${reused.pid}); its state lives on`);
    return { reused: true, pid: reused.pid, connections: readJson(connectionsFile), caFile: reused.caFile };
  }
  const before = existsSync(infoFile) ? statSync(infoFile).mtimeMs : 0;
  const sandbox = supervisor.start(
    "the vendor sandbox",
    TSX_NODE[0],
    [...TSX_NODE.slice(1), "sandbox/main.ts"],
    {
      env: { SANDBOX_DATA_DIR: dataDir, SANDBOX_PERSIST: "1" },
      onLine: (line) => process.stdout.write(`[sandbox] ${line}\n`),
    },
  );
  const deadline = Date.now() + timeoutMs;
  while (!(existsSync(infoFile) && statSync(infoFile).mtimeMs > before)) {
    if (sandbox.child.exitCode !== null || sandbox.child.signalCode !== null)
      throw new Error(
        "the vendor sandbox exited during start-up (see its output above; are its ports taken?)",
      );
    if (Date.now() > deadline)
      throw new Error(`the vendor sandbox did not write its demo connections within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    reused: false,
    pid: sandbox.child.pid,
    handle: sandbox,
    connections: readJson(connectionsFile),
    caFile: join(dataDir, "ca.pem"),
  };
}
