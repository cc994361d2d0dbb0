import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unresolvedIntents } from "@/lib/audit/intents";
import { generateKey, parseKey } from "@/lib/secrets/crypto";
import { openTestPostgres } from "@/lib/testing/databases";
import { FIXTURE_PEM, sandboxFixture } from "@/lib/vendors/testing/sandbox-fixture";
import { operationsFor } from "@/lib/vendors/registry";
import type { VendorConnection } from "@/lib/vendors/model";
import {
  activeFaults,
  auditOf,
  certificateCases,
  inventoryOf,
  storeDemoConnections,
  until,
  vendorWrites,
} from "./testing/harness";

// A dashboard killed with SIGKILL while its write is at the vendor leaves an intent and no
// outcome; a restarted process reads the vendor again and completes it as applied or not.

const sb = sandboxFixture();
const encodedKey = generateKey();
const key = parseKey(encodedKey);
let handle: Awaited<ReturnType<typeof openTestPostgres>>;
let conns: VendorConnection[] = [];

beforeAll(async () => {
  handle = await openTestPostgres();
  conns = await storeDemoConnections(handle.db, key, sb.sandbox);
}, 60_000);
afterAll(() => handle.close());

function child(args: string[]): {
  process: ChildProcess;
  output: Promise<{ code: number | null; stdout: string }>;
} {
  const proc = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", join(__dirname, "testing/crash-child.ts"), ...args],
    {
      cwd: join(__dirname, "../.."),
      env: { ...process.env, DATABASE_URL: handle.url, TRUSTDECK_ENCRYPTION_KEY: encodedKey },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stdout = "";
  let stderr = "";
  proc.stdout?.on("data", (c: Buffer) => (stdout += c.toString()));
  proc.stderr?.on("data", (c: Buffer) => (stderr += c.toString()));
  const output = new Promise<{ code: number | null; stdout: string }>((resolve) =>
    proc.on("exit", (code) => {
      if (code !== 0 && code !== null) console.error(stderr);
      resolve({ code, stdout });
    }),
  );
  return { process: proc, output };
}

describe("a process killed mid-write", () => {
  for (const scenario of [
    { name: "the vendor applies the write after the kill", fault: "latency", expected: "applied" },
    { name: "the vendor never handles the write", fault: "timeout", expected: "not-applied" },
  ] as const) {
    it(`${scenario.name}: the restarted process completes the intent as ${scenario.expected}`, async () => {
      await sb.control.reset();
      const cases = await certificateCases(conns, FIXTURE_PEM);
      const rotate = cases.find((c) => c.input.action === "rotate")!;
      const before = await operationsFor(rotate.conn, "live").getCertificateSet(rotate.input.setId);
      await sb.control.clearRequests();
      await sb.control.fault({
        service: rotate.conn.vendor,
        method: "POST",
        path: "**",
        kind: scenario.fault,
        delayMs: 2_000,
        count: 1,
      });

      const writer = child(["write", JSON.stringify(rotate.input)]);
      await until(async () => (await unresolvedIntents(handle.db)).length === 1, "the intent");
      // The fault is used up once the write reached the sandbox, which now holds it.
      await until(async () => (await activeFaults(sb.sandbox)) === 0, "the write at the sandbox");
      writer.process.kill("SIGKILL");
      expect((await writer.output).code).toBeNull();
      // The sandbox finishes (or drops) the request on its own; the dead process never saw it.
      await until(
        async () => (await sb.control.requests(rotate.conn.vendor)).some((r) => r.method === "POST"),
        "the write",
      );
      expect(await vendorWrites(sb.sandbox, rotate.conn.vendor)).toBe(1);
      const pending = await unresolvedIntents(handle.db);
      expect(pending).toHaveLength(1);

      const restarted = child(["recover"]);
      const { code, stdout } = await restarted.output;
      expect(code).toBe(0);
      expect(JSON.parse(stdout)).toMatchObject(
        scenario.expected === "applied"
          ? { applied: 1, notApplied: 0, pending: 0 }
          : { applied: 0, notApplied: 1, pending: 0 },
      );
      expect(await unresolvedIntents(handle.db)).toEqual([]);
      const { intents, outcomes } = await auditOf(handle.db, "certificate.rotate", pending[0]!.id - 1);
      expect(outcomes).toHaveLength(1);
      expect(outcomes[0]).toMatchObject({
        intentId: intents[0]!.id,
        outcome: scenario.expected === "applied" ? "success" : "failure",
        details: { writeOutcome: scenario.expected, recovered: true, after: expect.any(Array) },
      });
      expect(await vendorWrites(sb.sandbox, rotate.conn.vendor), "recovery never re-sends").toBe(1);

      const after = await operationsFor(rotate.conn, "live").getCertificateSet(rotate.input.setId);
      const changed = after.slots[0]?.certificate?.sha256 !== before.slots[0]?.certificate?.sha256;
      expect(changed).toBe(scenario.expected === "applied");
      const held = after.slots.flatMap((s) => (s.certificate ? [s.certificate.sha256] : [])).sort();
      expect(await inventoryOf(handle.db, rotate.conn.id, rotate.input.setId)).toEqual(held);
    }, 90_000);
  }
});
