import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { lockFileFor } from "./pglite-lock";

const ROOT = path.resolve(__dirname, "../..");
const HOLDER = path.join(ROOT, "lib", "db", "pglite-lock-holder.ts");

interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

const children: ChildProcess[] = [];
const folders: string[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function tempFolder(): string {
  const parent = mkdtempSync(path.join(tmpdir(), "trustdeck-lock-"));
  folders.push(parent);
  return path.join(parent, "db");
}

/**
 * Starts one Node process with the tsx loader (the `tsx` CLI would put a second process between
 * the test and the database holder) and collects its output.
 */
function spawnTsx(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  const out = { stdout: "", stderr: "" };
  child.stdout!.on("data", (d: Buffer) => (out.stdout += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (out.stderr += d.toString()));
  const finished = new Promise<Finished>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal, ...out })),
  );
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", () => out.stdout.includes("ready") && resolve());
    void finished.then((f) => reject(new Error(`exited before ready: ${f.code} ${f.stderr}`)));
  });
  ready.catch(() => undefined); // awaited only by the tests that need it
  return { child, finished, ready };
}

const holder = (folder: string, mode: "hold" | "read") => spawnTsx([HOLDER, folder, mode]);

function rowsOf(result: Finished): Array<{ pid: number }> {
  expect(result.code, result.stderr).toBe(0);
  return (JSON.parse(result.stdout.trim().split("\n").at(-1)!) as { rows: Array<{ pid: number }> }).rows;
}

describe("one writer per PGlite folder, across processes", () => {
  it("refuses a second process with the folder and the holder's pid; the data opens again afterwards", async () => {
    const folder = tempFolder();
    const first = holder(folder, "hold");
    await first.ready;
    const pid = first.child.pid!;

    const second = await holder(folder, "read").finished;
    expect(second.code).toBe(3);
    expect(second.stderr).toContain(`The PGlite database folder ${folder} is in use by process ${pid}`);
    expect(second.stderr).toContain(hostname());
    expect(second.stderr).toMatch(/PostgreSQL \(DATABASE_URL\)/);

    first.child.kill("SIGTERM");
    expect((await first.finished).code).toBe(0);
    expect(existsSync(lockFileFor(folder))).toBe(false); // released on close

    expect(rowsOf(await holder(folder, "read").finished)).toEqual([{ pid }]);
  }, 90_000);

  it("takes over the lock of a holder killed with SIGKILL, and its data is intact", async () => {
    const folder = tempFolder();
    const first = holder(folder, "hold");
    await first.ready;
    const pid = first.child.pid!;
    first.child.kill("SIGKILL");
    await first.finished;
    expect(existsSync(lockFileFor(folder))).toBe(true); // nothing released it

    const next = await holder(folder, "read").finished;
    expect(next.stderr).toContain(`taking over the stale lock of ${folder} (process ${pid} on ${hostname()}`);
    expect(rowsOf(next)).toEqual([{ pid }]);
    expect(existsSync(lockFileFor(folder))).toBe(false);
  }, 90_000);

  it("two processes that find the same stale lock at once: exactly one takes it over, the other is refused", async () => {
    const folder = tempFolder();
    const gone = spawn(process.execPath, ["-e", ""]);
    await new Promise((r) => gone.on("exit", r));
    const stale = { pid: gone.pid, hostname: hostname(), startedAt: "2026-01-01T00:00:00Z", command: "gone" };
    writeFileSync(lockFileFor(folder), JSON.stringify(stale));

    const racers = [holder(folder, "hold"), holder(folder, "hold")];
    const outcomes = await Promise.all(
      racers.map((r) => Promise.race([r.ready.then(() => "holds" as const), r.finished.then((f) => f)])),
    );
    const winner = outcomes.findIndex((o) => o === "holds");
    expect(winner).toBeGreaterThanOrEqual(0);
    const loser = outcomes[1 - winner] as Finished;
    expect(loser.code).toBe(3);
    expect(loser.stderr).toContain(`is in use by process ${racers[winner]!.child.pid}`);
    racers[winner]!.child.kill("SIGTERM");
    expect((await racers[winner]!.finished).code).toBe(0);
  }, 90_000);

  it("refuses a lock it cannot read, and a live holder on another host, without touching the folder", async () => {
    const folder = tempFolder();
    writeFileSync(lockFileFor(folder), "not json");
    const unreadable = await holder(folder, "read").finished;
    expect(unreadable.code).toBe(3);
    expect(unreadable.stderr).toContain(`The PGlite database folder ${folder} is in use by another process`);

    // A pid that does not run here proves nothing about a process on another machine.
    const elsewhere = {
      pid: 999_999,
      hostname: "other-host",
      startedAt: "2026-01-01T00:00:00Z",
      command: "x",
    };
    writeFileSync(lockFileFor(folder), JSON.stringify(elsewhere));
    const remote = await holder(folder, "read").finished;
    expect(remote.code).toBe(3);
    expect(remote.stderr).toContain("in use by process 999999 on other-host");
    expect(existsSync(folder)).toBe(false);
  }, 60_000);

  it("npm run user:create is refused while a dashboard holds the folder", async () => {
    const folder = tempFolder();
    const dashboard = holder(folder, "hold");
    await dashboard.ready;
    const created = await spawnTsx([path.join(ROOT, "scripts", "user-create.ts"), "--username", "alice"], {
      PGLITE_DIR: folder,
      DATABASE_URL: "",
      TRUSTDECK_NEW_PASSWORD: "a-long-enough-password-1",
    }).finished;
    expect(created.code).toBe(1);
    expect(created.stderr).toContain(
      `The PGlite database folder ${folder} is in use by process ${dashboard.child.pid}`,
    );
    expect(created.stdout).not.toContain("Created");
  }, 90_000);
});
