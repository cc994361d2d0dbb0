import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { createConnection } from "@/lib/connections/data";
import { connectionInputSchema } from "@/lib/connections/schemas";
import type { Database } from "@/lib/db/client";
import { auditEvents, inventoryCertificates } from "@/lib/db/schema";
import { validCertificates } from "@/lib/certificates/status";
import type { CertificateActionInput } from "@/lib/certificates/schemas";
import type { Sandbox } from "@/sandbox/server";
import type { FaultSpec } from "@/sandbox/core/faults";
import type { CertificateSetAction, VendorConnection } from "@/lib/vendors/model";
import { operationsFor } from "@/lib/vendors/registry";

// Test support for the write pipeline: demo connections stored in a test database, the
// certificate writes the sandbox offers, faults on writes only, and what the log recorded.

/** Store every demo connection of a sandbox; returns them with their database ids. */
export async function storeDemoConnections(
  db: Database,
  key: Uint8Array,
  sandbox: Sandbox,
): Promise<VendorConnection[]> {
  const stored: VendorConnection[] = [];
  for (const demo of sandbox.demo) {
    const input = connectionInputSchema.parse(demo);
    const view = await createConnection(db, key, input);
    stored.push({ id: view.id, ...input });
  }
  return stored;
}

/** One certificate write the sandbox's seed offers: a vendor, an action and where. */
export interface CertificateCase {
  name: string;
  conn: VendorConnection;
  input: CertificateActionInput;
}

/**
 * Every (vendor, set kind, action) the seeded sandbox offers, with a target that the pipeline's
 * own checks accept (never the last valid certificate of a set).
 */
export async function certificateCases(conns: VendorConnection[], pem: string): Promise<CertificateCase[]> {
  const cases = new Map<string, CertificateCase>();
  const now = new Date();
  for (const conn of conns) {
    for (const set of await operationsFor(conn).listCertificateSets()) {
      for (const action of set.actions as CertificateSetAction[]) {
        if (action === "download-pem") continue;
        const name = `${conn.vendor} ${set.kind} ${action}`;
        if (cases.has(name)) continue;
        const base = { connectionId: conn.id, setId: set.id };
        if (action === "delete-certificate" || action === "activate") {
          const valid = validCertificates(set, now);
          const slot = set.slots.find(
            (s) =>
              s.vendorId &&
              s.actions?.includes(action) &&
              (action === "activate" || !valid.every((v) => v === s)),
          );
          if (slot?.vendorId)
            cases.set(name, { name, conn, input: { ...base, action, certificateId: slot.vendorId } });
        } else if (
          action === "upload-primary" ||
          action === "upload-secondary" ||
          action === "import-idp-certificate"
        ) {
          cases.set(name, { name, conn, input: { ...base, action, pem } });
        } else {
          cases.set(name, { name, conn, input: { ...base, action } });
        }
      }
    }
  }
  return [...cases.values()];
}

/** The faults of the matrix, each on the first write only (token requests excluded). */
export const WRITE_FAULTS: Record<string, Omit<FaultSpec, "path" | "method" | "service">> = {
  timeout: { kind: "timeout", delayMs: 2_500 },
  drop: { kind: "drop" },
  "429": { kind: "rate-limit", retryAfter: 7 },
  "500": { kind: "status", status: 500 },
  "503": { kind: "status", status: 503 },
  "malformed 2xx": { kind: "malformed" },
  "lost answer": { kind: "lost-response" },
};

const NOT_TOKEN = "^(?!.*connect/token).*$";

/** Inject a fault on the next write of a service (whatever its method). */
export async function faultNextWrite(
  sandbox: Sandbox,
  service: VendorConnection["vendor"],
  fault: Omit<FaultSpec, "path">,
) {
  for (const method of ["POST", "PUT", "PATCH", "DELETE"])
    await sandbox.control.fault({ ...fault, service, method, path: NOT_TOKEN, count: 1 });
}

/** How many writes (non-GET, not token requests) the sandbox received for a service. */
export async function vendorWrites(sandbox: Sandbox, service: VendorConnection["vendor"]): Promise<number> {
  return (await sandbox.control.requests(service)).filter(
    (r) => r.method !== "GET" && !/connect\/token/.test(r.path),
  ).length;
}

/** The intent and outcome rows written after `afterId`, for one action. */
export async function auditOf(db: Database, action: string, afterId: number) {
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), gt(auditEvents.id, afterId)))
    .orderBy(auditEvents.id);
  return {
    intents: rows.filter((r) => r.outcome === "pending"),
    outcomes: rows.filter((r) => r.intentId !== null),
  };
}

/** The newest audit row id (so a test reads only its own rows). */
export async function lastAuditId(db: Database): Promise<number> {
  const [row] = await db
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .orderBy(desc(auditEvents.id))
    .limit(1);
  return row?.id ?? 0;
}

/** The SHA-256 thumbprints the inventory holds now for a set. */
export async function inventoryOf(db: Database, connectionId: string, setId: string): Promise<string[]> {
  const rows = await db
    .select({ sha256: inventoryCertificates.sha256 })
    .from(inventoryCertificates)
    .where(
      and(
        eq(inventoryCertificates.connectionId, connectionId),
        eq(inventoryCertificates.setId, setId),
        isNull(inventoryCertificates.goneAt),
      ),
    );
  return rows.map((r) => r.sha256).sort();
}

const isToken = (path: string) => /connect\/token/.test(path);

/** The reads (GET, not token requests) the sandbox received for a service. */
export async function vendorReads(sandbox: Sandbox, service: VendorConnection["vendor"]) {
  return (await sandbox.control.requests(service)).filter((r) => r.method === "GET" && !isToken(r.path));
}

/** How many reads came before and after the one write in the log (token requests left out). */
export async function readsAround(
  sandbox: Sandbox,
  service: VendorConnection["vendor"],
): Promise<{ before: number; after: number }> {
  // In order of arrival: a held (timed-out) write is logged only when the sandbox lets it go.
  const log = (await sandbox.control.requests(service))
    .filter((r) => !isToken(r.path))
    .sort((a, b) => Date.parse(a.time) - Date.parse(b.time) || a.seq - b.seq);
  const write = log.findIndex((r) => r.method !== "GET");
  return { before: write, after: log.length - write - 1 };
}

/** How many injected faults still wait for their request (a fault with a count is used up). */
export async function activeFaults(sandbox: Sandbox): Promise<number> {
  const res = await fetch(`${sandbox.urls.uipath}/__sandbox/faults`);
  return ((await res.json()) as { faults: unknown[] }).faults.length;
}

/** Polls until `check` holds. */
export async function until(check: () => Promise<boolean>, what: string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
