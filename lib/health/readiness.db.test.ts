import { afterEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { TEST_ENGINES } from "@/lib/testing/databases";
import { checkReadiness } from "./readiness";

describe.each(TEST_ENGINES)("readiness on $engine", ({ open }) => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  it("is ready when the database answers, every migration is applied and the scheduler runs", async () => {
    const handle = await open();
    close = handle.close;
    const readiness = await checkReadiness(async () => handle.db, "running");
    expect(readiness).toEqual({
      ready: true,
      checks: { database: "ok", migrations: "applied", scheduler: "running" },
    });
  });

  it("is not ready while a migration of this build is missing from the database", async () => {
    const handle = await open();
    close = handle.close;
    await handle.db.execute(
      sql`delete from drizzle.__drizzle_migrations where id = (select max(id) from drizzle.__drizzle_migrations)`,
    );
    const readiness = await checkReadiness(async () => handle.db, "running");
    expect(readiness.ready).toBe(false);
    expect(readiness.checks.migrations).toBe("pending");
  });

  it("is not ready before the scheduler has started", async () => {
    const handle = await open();
    close = handle.close;
    const readiness = await checkReadiness(async () => handle.db, "not-started");
    expect(readiness).toMatchObject({ ready: false, checks: { database: "ok", scheduler: "not-started" } });
  });
});

describe("readiness without a database", () => {
  it("says only that the database is unreachable, never why", async () => {
    const secretish = "connect ECONNREFUSED 10.0.0.5:5432 password=hunter2";
    const failing = async (): Promise<Database> => {
      throw new Error(secretish);
    };
    const readiness = await checkReadiness(failing, "running");
    expect(readiness).toEqual({
      ready: false,
      checks: { database: "unreachable", migrations: "unknown", scheduler: "running" },
    });
    expect(JSON.stringify(readiness)).not.toMatch(/ECONNREFUSED|hunter2|10\.0\.0\.5/);
  });
});
