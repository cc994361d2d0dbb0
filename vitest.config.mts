import { defineConfig } from "vitest/config";
import path from "node:path";

const shared = {
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // `server-only` throws outside a React server environment; under Vitest it is a no-op.
      "server-only": path.resolve(import.meta.dirname, "lib/testing/empty-module.ts"),
    },
  },
};

/**
 * Two projects: `unit` (pure logic, adapters against the sandbox) and `db`, whose files
 * (`*.db.test.ts`) run against PGlite and a real PostgreSQL started by the global setup.
 * Run one with `npx vitest run --project unit <path>`.
 */
export default defineConfig({
  ...shared,
  test: {
    projects: [
      {
        ...shared,
        test: {
          name: "unit",
          environment: "node",
          include: [
            "lib/**/*.test.ts",
            "sandbox/**/*.test.ts",
            "scripts/**/*.test.ts",
            "components/**/*.test.ts",
          ],
          exclude: ["**/*.db.test.ts", "node_modules/**"],
          setupFiles: ["@abraham/reflection"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        ...shared,
        test: {
          name: "db",
          environment: "node",
          include: ["lib/**/*.db.test.ts"],
          setupFiles: ["@abraham/reflection"],
          globalSetup: ["lib/testing/postgres-global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
