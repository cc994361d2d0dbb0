// Small helpers to run and stop child processes from the demo, test and e2e scripts.
import { spawn } from "node:child_process";
import { resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "..", "..");
const BIN = resolve(ROOT, "node_modules", ".bin");

/** Node with the tsx loader: one process (the `tsx` CLI would put a second one under it). */
export const TSX_NODE = [process.execPath, "--import", "tsx"];

function childEnv(env) {
  return { ...process.env, PATH: `${BIN}:${process.env.PATH}`, ...env };
}

/** Run a command to completion (inheriting stdio); resolves with its exit code. */
export function run(command, args, { env = {}, quiet = false, onSpawn } = {}) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit",
      env: childEnv(env),
    });
    onSpawn?.(child);
    let output = "";
    child.stdout?.on("data", (d) => (output += d));
    child.stderr?.on("data", (d) => (output += d));
    child.on("error", (error) => {
      output += String(error);
      resolvePromise(127);
    });
    child.on("exit", (code, signal) => {
      if (quiet && code !== 0) process.stderr.write(output);
      resolvePromise(code ?? (signal ? 1 : 0));
    });
  });
}

/** Start a long-running child; returns it and a stop() that sends SIGTERM, then SIGKILL. */
export function start(command, args, { env = {}, onLine } = {}) {
  const child = spawn(command, args, {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: childEnv(env),
  });
  const forward = (stream, target) =>
    stream.on("data", (chunk) => {
      for (const line of String(chunk).split("\n"))
        if (line) (onLine ?? ((l) => target.write(`${l}\n`)))(line);
    });
  forward(child.stdout, process.stdout);
  forward(child.stderr, process.stderr);
  const exited = new Promise((r) => {
    child.on("exit", (code) => r(code));
    child.on("error", () => r(127)); // never spawned: no "exit" follows
  });
  return {
    child,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * Keeps track of every long-running process a script started, so that any failure, signal or
 * exit stops all of them (by pid) and none is left behind on its ports.
 */
export function createSupervisor() {
  const running = new Map();
  return {
    /** Like start(); `name` is how messages refer to the process. */
    start(name, command, args, options) {
      const handle = start(command, args, options);
      const entry = { name, handle };
      running.set(handle.child, entry);
      void handle.exited.then(() => running.delete(handle.child));
      return handle;
    },
    /** The processes still running, as "name (pid N)". */
    describe() {
      return [...running.values()].map((e) => `${e.name} (pid ${e.handle.child.pid})`);
    },
    /** Stops every process still running, newest first; resolves when all have exited. */
    async stopAll() {
      const entries = [...running.values()].reverse();
      await Promise.all(entries.map((e) => e.handle.stop()));
    },
  };
}

/** Whether a process with this pid runs (or exists under another user). */
export function isAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

/** Whether `url` answers at all (any HTTP status) within `timeoutMs`. */
export async function answers(url, timeoutMs = 2000) {
  try {
    await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
    return true;
  } catch {
    return false;
  }
}

/** Wait until `url` answers (any HTTP status), or fail after `timeoutMs`. */
export async function waitForUrl(url, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await answers(url)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}
