import { describe, expect, it } from "vitest";
import { keepRunning } from "./keep-running.mjs";
import { createSupervisor, isAlive } from "./processes.mjs";

/** A real Node process that exits with `code` after `ms`, or runs until stopped when ms is null. */
function nodeProcess(supervisor: ReturnType<typeof createSupervisor>, ms: number | null, code = 3) {
  const script =
    ms === null ? "setInterval(() => {}, 1000)" : `setTimeout(() => process.exit(${code}), ${ms})`;
  return supervisor.start("the child", process.execPath, ["-e", script], { onLine: () => undefined });
}

describe("keepRunning (the demo's dashboard supervision)", () => {
  it("starts a process again after it is killed, until told to stop", async () => {
    const supervisor = createSupervisor();
    let stopping = false;
    const pids: number[] = [];
    const logs: string[] = [];
    const done = keepRunning({
      name: "the child",
      stopping: () => stopping,
      log: (line: string) => logs.push(line),
      start: async (attempt: number) => {
        const child = nodeProcess(supervisor, null);
        pids.push(child.child.pid!);
        if (attempt === 0) setTimeout(() => child.child.kill("SIGKILL"), 100);
        else
          setTimeout(() => {
            stopping = true;
            void supervisor.stopAll();
          }, 100);
        return child;
      },
    });
    await done;
    expect(pids).toHaveLength(2);
    expect(logs).toEqual(["demo: the child stopped (killed by a signal); starting it again"]);
    for (const pid of pids) expect(isAlive(pid)).toBe(false);
  });

  it("gives up on a crash loop with the last exit code, leaving nothing running", async () => {
    const supervisor = createSupervisor();
    let starts = 0;
    const failure = await keepRunning({
      name: "the child",
      stopping: () => false,
      log: () => undefined,
      maxRestarts: 2,
      start: async () => {
        starts++;
        return nodeProcess(supervisor, 50, 7);
      },
    }).catch((error: unknown) => error);
    expect(starts).toBe(3);
    expect((failure as Error).message).toMatch(
      /^the child stopped 3 times within 60 s \(last: exit code 7\)$/,
    );
    expect(supervisor.describe()).toEqual([]);
  });
});
