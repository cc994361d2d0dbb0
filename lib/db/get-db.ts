import "server-only";
import { getEnv, type Env } from "@/lib/env";
import { parseKeyRing } from "@/lib/secrets/crypto";
import { openDatabase, type Database } from "./client";

// One database handle per server process, kept on globalThis so that dev-mode module reloads do
// not open the same PGlite folder twice (its lock would refuse the second opening).
const holder = globalThis as typeof globalThis & { __trustdeckDb?: Promise<Database> };

/** Raised when the server's settings are incomplete: nothing opens the database until they are valid. */
export class ServerConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Trustdeck is not configured: ${problems.join(" ")}`);
    this.name = "ServerConfigError";
  }
}

/** What is missing or wrong in the settings a dashboard process needs; empty when it can run. */
export function serverConfigProblems(env: Env): string[] {
  const problems: string[] = [];
  if (!env.NEXTAUTH_SECRET) problems.push("NEXTAUTH_SECRET is not set.");
  if (!process.env.NEXTAUTH_URL) problems.push("NEXTAUTH_URL is not set.");
  try {
    parseKeyRing(env.TRUSTDECK_ENCRYPTION_KEY);
  } catch (error) {
    problems.push(error instanceof Error ? error.message : "TRUSTDECK_ENCRYPTION_KEY is not valid.");
  }
  return problems;
}

/** The validated environment, or a ServerConfigError naming every problem. */
export function requireServerConfig(): Env {
  const env = getEnv();
  const problems = serverConfigProblems(env);
  if (problems.length > 0) throw new ServerConfigError(problems);
  return env;
}

/** The process-wide database, opened and migrated on first use, once the configuration is valid. */
export function getDb(): Promise<Database> {
  holder.__trustdeckDb ??= (async () => {
    const env = requireServerConfig();
    const handle = await openDatabase({
      databaseUrl: env.DATABASE_URL,
      migrationUrl: env.DATABASE_MIGRATION_URL,
      pgliteDir: env.PGLITE_DIR,
    });
    return handle.db;
  })().catch((error: unknown) => {
    holder.__trustdeckDb = undefined; // let the next request try again
    throw error;
  });
  return holder.__trustdeckDb;
}
