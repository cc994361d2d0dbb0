import "server-only";
import { Gauge, Registry } from "prom-client";
import type { Database } from "@/lib/db/client";
import { readInventory } from "@/lib/inventory/read";

/** The first CN of a distinguished name as the inventory stores it ("CN=x, O=y" or "x"). */
function commonNameOf(dn: string): string {
  const match = /(?:^|[,/]\s*)CN=((?:\\.|[^,/])*)/i.exec(dn);
  return (match?.[1] ?? "").trim();
}

/**
 * The inventory as gauges, read from the database at scrape time. Certificate metrics follow the
 * names of the established x509-certificate-exporter (`x509_cert_not_after`, `x509_cert_not_before`,
 * `x509_cert_expired`, in seconds since the epoch), with Trustdeck's own labels saying where the
 * certificate is (vendor, connection, set, slot) besides the exporter's subject/issuer/serial.
 */
export async function inventoryRegistry(db: Database, now: Date): Promise<Registry> {
  const registry = new Registry();
  const labelNames = [
    "vendor",
    "connection",
    "set_id",
    "set_label",
    "slot",
    "vendor_state",
    "subject_CN",
    "issuer_CN",
    "serial_number",
    "sha256",
  ] as const;
  const notAfter = new Gauge({
    name: "x509_cert_not_after",
    help: "Certificate not-after (expiry) as Unix time.",
    labelNames,
    registers: [registry],
  });
  const notBefore = new Gauge({
    name: "x509_cert_not_before",
    help: "Certificate not-before as Unix time.",
    labelNames,
    registers: [registry],
  });
  const expired = new Gauge({
    name: "x509_cert_expired",
    help: "1 when the certificate has expired, else 0.",
    labelNames,
    registers: [registry],
  });
  const lastSuccess = new Gauge({
    name: "trustdeck_connection_last_refresh_success_timestamp_seconds",
    help: "When each connection's inventory was last read successfully (Unix time; 0 if never).",
    labelNames: ["vendor", "connection"] as const,
    registers: [registry],
  });
  const stale = new Gauge({
    name: "trustdeck_connection_stale",
    help: "1 when a connection's last inventory read failed (its certificates are from an older read).",
    labelNames: ["vendor", "connection"] as const,
    registers: [registry],
  });

  const emptySets = new Gauge({
    name: "trustdeck_inventory_empty_sets",
    help: "Certificate sets with no certificate in any slot, by connection and whether sign-in through them fails (true: an outage; false: housekeeping).",
    labelNames: ["vendor", "connection", "sign_in_fails"] as const,
    registers: [registry],
  });

  const inventory = await readInventory(db, { driftLimit: 0 });
  for (const cert of inventory.certificates) {
    const labels = {
      vendor: cert.vendor,
      connection: cert.connectionName,
      set_id: cert.setId,
      set_label: cert.setLabel,
      slot: cert.slot,
      vendor_state: cert.state ?? "",
      subject_CN: cert.commonName ?? commonNameOf(cert.subject),
      issuer_CN: commonNameOf(cert.issuer),
      serial_number: cert.serialNumber,
      sha256: cert.sha256,
    };
    const expiry = Date.parse(cert.notAfter);
    notAfter.set(labels, expiry / 1000);
    notBefore.set(labels, Date.parse(cert.notBefore) / 1000);
    expired.set(labels, expiry <= now.getTime() ? 1 : 0);
  }
  for (const connection of inventory.connections) {
    const labels = { vendor: connection.vendor, connection: connection.name };
    lastSuccess.set(labels, connection.lastSuccessAt ? Date.parse(connection.lastSuccessAt) / 1000 : 0);
    stale.set(labels, connection.stale ? 1 : 0);
    // Both series for every connection, so a set that gets its certificate reads 0, not absent.
    for (const signInFails of [true, false])
      emptySets.set(
        { ...labels, sign_in_fails: String(signInFails) },
        inventory.emptySets.filter((s) => s.connectionId === connection.id && s.signInFails === signInFails)
          .length,
      );
  }
  return registry;
}
