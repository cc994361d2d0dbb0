import { describe, expect, it } from "vitest";
import { groupCommit } from "./group-commit";

/** A batch runner whose batches finish when the test says so, recording each batch. */
function heldRunner() {
  const batches: number[][] = [];
  const releases: (() => void)[] = [];
  const run = async (items: number[]) => {
    batches.push(items);
    await new Promise<void>((resolve) => releases.push(resolve));
    return items.map((n) => (n < 0 ? Promise.reject(new Error(`bad ${n}`)) : n * 10));
  };
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  return { batches, run, release: () => releases.shift()?.(), settle };
}

describe("groupCommit", () => {
  it("sends calls made together as one batch, and those made while it runs as the next", async () => {
    const runner = heldRunner();
    const call = groupCommit(runner.run);
    const first = [call(1), call(2), call(3)];
    await runner.settle();
    expect(runner.batches).toEqual([[1, 2, 3]]);

    const second = [call(4), call(5)];
    await runner.settle();
    await runner.settle();
    expect(runner.batches).toEqual([[1, 2, 3]]); // waits for the batch in progress, not beside it

    runner.release();
    expect(await Promise.all(first)).toEqual([10, 20, 30]);
    await runner.settle();
    expect(runner.batches).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
    runner.release();
    expect(await Promise.all(second)).toEqual([40, 50]);
  });

  it("a lone call goes at once; an item that fails fails alone", async () => {
    const runner = heldRunner();
    const call = groupCommit(runner.run);
    const lone = call(7);
    await runner.settle();
    expect(runner.batches).toEqual([[7]]);
    runner.release();
    expect(await lone).toBe(70);

    const mixed = [call(1), call(-1), call(2)];
    await runner.settle();
    runner.release();
    expect(await Promise.allSettled(mixed)).toEqual([
      { status: "fulfilled", value: 10 },
      { status: "rejected", reason: new Error("bad -1") },
      { status: "fulfilled", value: 20 },
    ]);
  });

  it("a batch that throws fails each of its calls, and the next batch still runs", async () => {
    let fail = true;
    const call = groupCommit(async (items: number[]) => {
      if (fail) throw new Error("database gone");
      return items;
    });
    const failed = [call(1), call(2)];
    await expect(Promise.all(failed)).rejects.toThrow("database gone");
    expect((await Promise.allSettled(failed)).map((r) => r.status)).toEqual(["rejected", "rejected"]);
    fail = false;
    expect(await call(3)).toBe(3);
  });
});

describe("groupCommit with a gathering time", () => {
  it("a call waits for others across turns of the event loop, until flushed; then nothing waits", async () => {
    const batches: number[][] = [];
    const call = groupCommit(async (items: number[]) => {
      batches.push(items);
      return items;
    }, 60_000);
    const turn = () => new Promise((resolve) => setImmediate(resolve));
    const first = call(1);
    await turn();
    const second = call(2);
    await turn();
    expect(batches).toEqual([]);
    call.flush();
    expect(await Promise.all([first, second])).toEqual([1, 2]);
    expect(batches).toEqual([[1, 2]]);
    expect(await call(3)).toBe(3); // would wait a minute if it gathered again
    expect(batches).toEqual([[1, 2], [3]]);
  });
});
