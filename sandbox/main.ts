import { chmod, mkdir, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { parseCliConfig } from "./cli-config";
import { startSandbox, type Sandbox } from "./server";
import { stateFileIn } from "./state-keeper";
import { SANDBOX_VENDORS } from "./vendors";

/** `npm run sandbox`: every simulator in one process, demo seed, stops on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const config = parseCliConfig(process.argv.slice(2), process.env);
  const started = performance.now();
  const sandbox = await startSandbox(config);
  const startupMs = Math.round(performance.now() - started);

  await mkdir(config.dataDir, { recursive: true });
  const connectionsFile = join(config.dataDir, "connections.json");
  // Sandbox credentials only, but credentials all the same: owner-readable.
  await writeFile(connectionsFile, `${JSON.stringify(sandbox.demo, null, 2)}\n`, { mode: 0o600 });
  await chmod(connectionsFile, 0o600);
  await writeFile(
    join(config.dataDir, "sandbox.json"),
    `${JSON.stringify({ pid: process.pid, urls: sandbox.urls, idp: sandbox.idp, caFile: sandbox.caFile, control: config.control, persist: Boolean(config.persist) }, null, 2)}\n`,
  );

  printBanner(sandbox, {
    startupMs,
    control: Boolean(config.control),
    persist: Boolean(config.persist),
    connectionsFile,
    stateFile: stateFileIn(config.dataDir),
  });

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

function printBanner(
  sandbox: Sandbox,
  info: { startupMs: number; control: boolean; persist: boolean; connectionsFile: string; stateFile: string },
): void {
  const rel = (p: string) => {
    const r = relative(process.cwd(), p);
    return r && !r.startsWith("..") ? r : p;
  };
  const lines = [
    `Trustdeck vendor sandbox ready in ${info.startupMs} ms`,
    "",
    ...SANDBOX_VENDORS.map((v) => `  ${v.label.padEnd(12)}${sandbox.urls[v.name]}`),
    ...Object.entries(sandbox.urls.issuers).map(
      ([name, url]) =>
        `  Issuer      ${url}${name === "no-jwks" ? "   (broken on purpose: its JWKS answers 404)" : ""}`,
    ),
    `  OIDC IdP    ${sandbox.idp.issuer}   client ${sandbox.idp.clientId} / ${sandbox.idp.clientSecret}`,
    `              users ${sandbox.idp.users.map((u) => `${u.username} (${[u.groups].flat().join(", ") || "no groups"})`).join("; ")}`,
    `              password ${sandbox.idp.password}; redirect URI http://127.0.0.1:<port>/api/auth/callback/oidc (or localhost)`,
    "",
    `  CA          ${sandbox.caFile ?? "(in memory)"}`,
    `              export NODE_EXTRA_CA_CERTS=${sandbox.caFile ?? "<ca.pem>"}`,
    `  Control     ${info.control ? "enabled: /__sandbox/{reset,clock,faults,requests,settings}" : "disabled (use --control or SANDBOX_CONTROL=1)"}`,
    `  State       ${info.persist ? `${sandbox.restored ? "restored from" : "seeded; saved in"} ${rel(info.stateFile)}` : "in memory (use --persist or SANDBOX_PERSIST=1 to keep it)"}`,
    "",
    `Demo connections (also in ${rel(info.connectionsFile)}):`,
    JSON.stringify(sandbox.demo, null, 2),
    "",
    "Press Ctrl+C to stop.",
  ];
  console.log(lines.join("\n"));
}

main().catch((error: unknown) => {
  console.error(`sandbox failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
