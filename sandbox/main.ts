import { chmod, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { sandboxBanner } from "./banner";
import { parseCliConfig } from "./cli-config";
import { startSandbox } from "./server";
import { stateFileIn } from "./state-keeper";

/** `npm run sandbox`: every simulator in one process, demo seed, stops on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const config = parseCliConfig(process.argv.slice(2), process.env);
  const started = performance.now();
  const sandbox = await startSandbox(config);
  const startupMs = Math.round(performance.now() - started);

  await mkdir(config.dataDir, { recursive: true });
  const connectionsFile = join(config.dataDir, "connections.json");
  // Sandbox credentials only, but credentials all the same: owner-readable.
  await writePrivateFile(connectionsFile, `${JSON.stringify(sandbox.demo, null, 2)}\n`);
  // The IdP's client secret and password are in it too; written last (the demo waits for it).
  const infoFile = join(config.dataDir, "sandbox.json");
  const info = {
    pid: process.pid,
    urls: sandbox.urls,
    idp: sandbox.idp,
    caFile: sandbox.caFile,
    control: config.control,
    persist: Boolean(config.persist),
  };
  await writePrivateFile(infoFile, `${JSON.stringify(info, null, 2)}\n`);

  console.log(
    sandboxBanner(sandbox, {
      startupMs,
      control: Boolean(config.control),
      persist: Boolean(config.persist),
      connectionsFile,
      infoFile,
      stateFile: stateFileIn(config.dataDir),
    }),
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the sandbox…`);
    await sandbox.stop();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
}

/** Writes a file only its owner can read: an older file's looser mode is narrowed before writing. */
async function writePrivateFile(file: string, content: string): Promise<void> {
  await chmod(file, 0o600).catch(() => undefined); // absent: created with 0600 below
  await writeFile(file, content, { mode: 0o600 });
}

main().catch((error: unknown) => {
  console.error(`sandbox failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
