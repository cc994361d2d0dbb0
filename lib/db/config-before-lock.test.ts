import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { lockFileFor } from "./pglite-lock";

const parent = mkdtempSync(path.join(tmpdir(), "trustdeck-config-"));
const folder = path.join(parent, "db");
afterAll(() => rmSync(parent, { recursive: true, force: true }));

describe("nothing opens the database before the configuration is valid", () => {
  it("a process without settings neither starts the scheduler nor opens (or locks) the folder", async () => {
    vi.stubEnv("PGLITE_DIR", folder);
    vi.stubEnv("DATABASE_URL", "");
    vi.stubEnv("NEXTAUTH_SECRET", "");
    vi.stubEnv("NEXTAUTH_URL", "");
    vi.stubEnv("TRUSTDECK_ENCRYPTION_KEY", "dG9vLXNob3J0");
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const { startInventoryScheduler } = await import("@/lib/inventory/scheduler-start");
    const { getDb, ServerConfigError } = await import("./get-db");

    startInventoryScheduler();
    expect(errors).toHaveBeenCalledWith(expect.stringMatching(/scheduler is not started.*NEXTAUTH_SECRET/));
    expect((globalThis as { __trustdeckScheduler?: unknown }).__trustdeckScheduler).toBeUndefined();

    const refused = await getDb().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ServerConfigError);
    expect((refused as Error).message).toMatch(
      /NEXTAUTH_SECRET is not set\. NEXTAUTH_URL is not set\. TRUSTDECK_ENCRYPTION_KEY must decode to 32 bytes/,
    );
    expect(existsSync(folder)).toBe(false);
    expect(existsSync(lockFileFor(folder))).toBe(false);
    vi.unstubAllEnvs();
  });
});
