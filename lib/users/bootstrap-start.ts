import "server-only";
import { getDb, requireServerConfig, ServerConfigError } from "@/lib/db/get-db";
import { bootstrapFirstAdmin } from "./bootstrap";

/**
 * At server start (instrumentation.ts): create the first admin from TRUSTDECK_BOOTSTRAP_ADMIN_*
 * when the database has no user. Logs what it did, never the password; a failure is logged and
 * the server serves on (sign-in simply has no admin yet).
 */
export async function runAdminBootstrap(): Promise<void> {
  let env;
  try {
    env = requireServerConfig();
  } catch (error) {
    if (error instanceof ServerConfigError) return; // the scheduler start says what is missing
    throw error;
  }
  const settings = {
    username: env.TRUSTDECK_BOOTSTRAP_ADMIN_USERNAME,
    passwordFile: env.TRUSTDECK_BOOTSTRAP_ADMIN_PASSWORD_FILE,
  };
  if (!settings.username && !settings.passwordFile) return;
  try {
    const result = await bootstrapFirstAdmin(await getDb(), settings);
    if (result.outcome === "created") console.log(`[bootstrap] created the first admin, ${result.username}`);
    else if (result.outcome === "users-exist")
      console.log("[bootstrap] users exist: TRUSTDECK_BOOTSTRAP_ADMIN_* has nothing to do");
    else if (result.outcome === "refused")
      console.error(`[bootstrap] no admin created. ${result.problems.join(" ")}`);
  } catch (error) {
    console.error(
      `[bootstrap] no admin created: ${error instanceof Error ? error.message : "unknown error"}`,
    );
  }
}
