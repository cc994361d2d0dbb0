import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/client";
import { inventoryRefreshRuns } from "@/lib/db/schema";
import { generateKey, parseKey } from "@/lib/secrets/crypto";
import { openTestPostgres, TEST_ENGINES } from "@/lib/testing/databases";
import { SCHEDULED_REFRESH_LOCK, tryWithLock } from "./lock";
import { schedulerTick } from "./scheduler";

const key = parseKey(generateKey());

/** A promise with its resolver, so a test decides when a lock holder finishes (no sleeping). */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe("scheduled-refresh lock on PostgreSQL with two clients", () => {
  let a: Awaited<ReturnType<typeof openTestPostgres>>;
  let b: Awaited<ReturnType<typeof openDatabase>>;
  beforeAll(async () => {
    a = await openTestPostgres();
    // A second instance: its own pool on the same database.
    b = await openDatabase({ databaseUrl: a.url, pgliteDir: "unused" });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it("lets only one instance hold it, and the other after release", async () => {
    const held = gate();
    const entered = gate();
    const first = tryWithLock(a.db, SCHEDULED_REFRESH_LOCK, async () => {
      entered.open();
      await held.opened;
      return "a";
    });
    await entered.opened;
    expect(await tryWithLock(b.db, SCHEDULED_REFRESH_LOCK, async () => "b")).toEqual({ acquired: false });
    held.open();
    expect(await first).toEqual({ acquired: true, value: "a" });
    expect(await tryWithLock(b.db, SCHEDULED_REFRESH_LOCK, async () => "b")).toEqual({
      acquired: true,
      value: "b",
    });
  });

  it("releases the lock when the holder throws", async () => {
    await expect(
      tryWithLock(a.db, SCHEDULED_REFRESH_LOCK, async () => Promise.reject(new Error("boom"))),
    ).rejects.toThrow("boom");
    expect(await tryWithLock(b.db, SCHEDULED_REFRESH_LOCK, async () => 1)).toEqual({
      acquired: true,
      value: 1,
    });
  });

  it("two instances ticking at once start one scheduled refresh", async () => {
    const now = new Date("2026-06-01T10:00:00.000Z");
    const results = await Promise.all([
      schedulerTick(a.db, key, { now, intervalMinutes: 60 }),
      schedulerTick(b.db, key, { now, intervalMinutes: 60 }),
    ]);
    expect(results.filter((r) => r.reason === "ran")).toHaveLength(1);
    expect(results.map((r) => r.reason).sort()).toEqual(expect.arrayContaining(["ran"]));
    expect(await a.db.select().from(inventoryRefreshRuns)).toHaveLength(1);
    // Not due again 30 minutes later, due after the hour.
    expect(
      (await schedulerTick(b.db, key, { now: new Date(now.getTime() + 30 * 60_000), intervalMinutes: 60 }))
        .reason,
    ).toBe("not-due");
    expect(
      (await schedulerTick(b.db, key, { now: new Date(now.getTime() + 61 * 60_000), intervalMinutes: 60 }))
        .reason,
    ).toBe("ran");
  });
});

describe.each(TEST_ENGINES)("in-process lock on $engine", ({ open }) => {
  let handle: Awaited<ReturnType<typeof open>>;
  beforeAll(async () => (handle = await open()));
  afterAll(() => handle.close());

  it("refuses a second holder in the same process", async () => {
    const held = gate();
    const entered = gate();
    const first = tryWithLock(handle.db, 42, async () => {
      entered.open();
      await held.opened;
    });
    await entered.opened;
    expect(await tryWithLock(handle.db, 42, async () => 1)).toEqual({ acquired: false });
    held.open();
    await first;
    expect(await tryWithLock(handle.db, 42, async () => 2)).toEqual({ acquired: true, value: 2 });
  });
});
