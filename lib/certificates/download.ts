import "server-only";
import { VENDOR_ERROR_CODES, type ErrorCode } from "@/lib/auth/error-codes";
import type { Database } from "@/lib/db/client";
import { openConnection } from "@/lib/connections/data";
import { isVendorError } from "@/lib/vendors/errors";
import type { PemDownload, VendorConnection } from "@/lib/vendors/model";
import { operationsFor, runCertificateAction } from "@/lib/vendors/registry";
import { decodeBase64 } from "@/lib/x509/base64";

type Download =
  | { ok: true; body: string | Uint8Array; filename: string }
  | { ok: false; status: number; code: ErrorCode; message: string };

/** The vendor's own PEM of a set's current certificate, where the set offers `download-pem`. */
async function vendorPem(conn: VendorConnection, setId: string): Promise<PemDownload | null> {
  const result = await runCertificateAction(conn, { action: "download-pem", setId });
  return "pem" in result ? result : null;
}

function pemToDer(pem: string): Uint8Array | null {
  const body = pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, "").replace(/\s+/g, "");
  const decoded = decodeBase64(body);
  return decoded.ok ? decoded.bytes : null;
}

/** Fetch one slot's certificate for download, as PEM or DER. */
export async function downloadCertificate(
  db: Database,
  key: Uint8Array,
  query: { connection: string; set: string; slot: string; format: "pem" | "der" },
): Promise<Download> {
  const gate = await openConnection(db, key, query.connection);
  if (!gate.ok)
    return {
      ok: false,
      status: gate.code === "not-found" ? 404 : 409,
      code: gate.code,
      message: gate.message,
    };
  const conn = gate.conn;
  try {
    const set = await operationsFor(conn).getCertificateSet(query.set);
    const slot = set.slots.find((s) => s.slot === query.slot || s.vendorId === query.slot);
    if (!slot?.certificate)
      return { ok: false, status: 404, code: "not-found", message: "That slot holds no certificate now." };
    const fromVendor =
      query.slot === "current" && set.actions.includes("download-pem")
        ? await vendorPem(conn, query.set)
        : null;
    const pem = fromVendor?.pem ?? slot.certificate.pem;
    const base = `${conn.name}-${set.label}-${slot.slot}`.replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 100);
    if (query.format === "pem") return { ok: true, body: pem, filename: `${base}.pem` };
    const der = pemToDer(pem);
    return der
      ? { ok: true, body: der, filename: `${base}.cer` }
      : {
          ok: false,
          status: 502,
          code: "malformed",
          message: "The vendor's PEM could not be converted to DER.",
        };
  } catch (error) {
    if (!isVendorError(error)) throw error;
    return { ok: false, status: 502, code: VENDOR_ERROR_CODES[error.kind], message: error.userMessage };
  }
}
