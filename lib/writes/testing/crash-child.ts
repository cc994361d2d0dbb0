// A dashboard process reduced to one job, for the crash test: run one certificate write (and be
// killed in the middle of it), or start afresh and recover every pending write. Run with tsx
// and `--conditions=react-server` (so `server-only` loads).
import "@abraham/reflection";
import { runCertificateAction } from "@/lib/certificates/run-action";
import type { CertificateActionInput } from "@/lib/certificates/schemas";
import { openDatabase } from "@/lib/db/client";
import { parseKey } from "@/lib/secrets/crypto";
import { recoverPendingWrites } from "../recover";

async function main(): Promise<void> {
  const [mode, payload] = process.argv.slice(2);
  const handle = await openDatabase({ databaseUrl: process.env.DATABASE_URL, pgliteDir: "unused" });
  const key = parseKey(process.env.TRUSTDECK_ENCRYPTION_KEY);
  try {
    if (mode === "write") {
      const input = JSON.parse(payload ?? "{}") as CertificateActionInput;
      const actor = { id: null, name: "crash-test", role: "operator" as const };
      const result = await runCertificateAction(handle.db, key, input, {
        actor,
        sourceIp: null,
        audit: async () => undefined,
      });
      process.stdout.write(`${JSON.stringify(result)}\n`);
    } else {
      const report = await recoverPendingWrites(handle.db, key, { minAgeMs: 0 });
      process.stdout.write(`${JSON.stringify(report)}\n`);
    }
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
