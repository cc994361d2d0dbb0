import { describe, expect, it } from "vitest";
import { runPipelined } from "./pool";

/** A promise settled by hand. */
function gate<T = void>() {
  let open!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (open = resolve));
  return { promise, open };
}
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("runPipelined", () => {
  it("bounds reads, never lets a pending store hold a read slot, and prepares one round ahead only", async () => {
    const items = Array.from({ length: 10 }, (_, i) => i);
    const storeGate = gate();
    let reading = 0;
    let maxReading = 0;
    const prepared: number[] = [];
    const read: number[] = [];
    const stored: number[] = [];
    const run = runPipelined(items, 3, {
      prepare: async (i) => {
        prepared.push(i);
        return i * 10;
      },
      read: async (i, ready) => {
        reading++;
        maxReading = Math.max(maxReading, reading);
        // Never more than one round of prepared items beyond what has been read.
        expect(prepared.length).toBeLessThanOrEqual(read.length + 2 * 3);
        expect(await ready).toBe(i * 10);
        await tick();
        reading--;
        read.push(i);
        return `r${i}`;
      },
      store: async (i, result) => {
        expect(result).toBe(`r${i}`);
        await storeGate.promise; // every store waits: reads must go on regardless
        stored.push(i);
      },
    });
    for (let i = 0; i < 50 && read.length < items.length; i++) await tick();
    expect(read.sort((a, b) => a - b)).toEqual(items);
    expect(stored).toEqual([]);
    expect(maxReading).toBe(3);
    storeGate.open();
    await run;
    expect(stored.sort((a, b) => a - b)).toEqual(items);
    expect(prepared.sort((a, b) => a - b)).toEqual(items);
  });

  it("goes on past a failing prepare, read or store, and settles after every store", async () => {
    const stored: number[] = [];
    await runPipelined([1, 2, 3, 4], 2, {
      prepare: async (i) => {
        if (i === 1) throw new Error("prepare");
        return i;
      },
      read: async (i, ready) => {
        await ready;
        if (i === 2) throw new Error("read");
        return i;
      },
      store: async (i) => {
        if (i === 3) throw new Error("store");
        await tick();
        stored.push(i);
      },
    });
    expect(stored).toEqual([4]);
  });
});
