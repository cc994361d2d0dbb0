import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    postgresAdminUrl: string;
  }
}

/**
 * Database tests run on PGlite and on a real PostgreSQL. The server is TEST_DATABASE_URL (or
 * DATABASE_URL) when set — it must allow CREATE DATABASE — and otherwise an embedded PostgreSQL
 * from npm, started here and stopped after the run.
 */
export default async function setup(project: TestProject) {
  const external = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (external) {
    project.provide("postgresAdminUrl", external);
    return;
  }
  const { startEmbeddedPostgres } = await import("../../scripts/lib/embedded-postgres.mjs");
  const pg = await startEmbeddedPostgres({ port: Number(process.env.TEST_PG_PORT ?? 54329) });
  project.provide("postgresAdminUrl", pg.url("postgres"));
  return async () => {
    await pg.stop();
  };
}
