import { formatUtcDateTime } from "@/lib/time/format";
import { formatThumbprint } from "@/lib/x509/thumbprint";
import type { EmptySetExportRow, ExportRow } from "./export-rows";

const CSV_COLUMNS: (keyof ExportRow | "sha256Colon" | "findingCodes" | "findingMessages")[] = [
  "vendor",
  "connectionName",
  "connectionId",
  "setLabel",
  "setId",
  "slot",
  "state",
  "status",
  "daysLeft",
  "notBefore",
  "notAfter",
  "commonName",
  "subject",
  "issuer",
  "serialNumber",
  "keyAlgorithm",
  "keySize",
  "signatureAlgorithm",
  "sha256",
  "sha256Colon",
  "sha1",
  "findingCodes",
  "findingMessages",
  "firstSeenAt",
  "lastSeenAt",
  "stale",
  "connectionLastSuccessAt",
  "key",
];

/** Quote a CSV cell; cells that a spreadsheet would run as a formula get a leading apostrophe. */
function csvCell(value: unknown): string {
  let text = value === undefined || value === null ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** An empty set's CSV cells: its own fields, every certificate column left empty. */
function emptySetCells(set: EmptySetExportRow): Partial<Record<(typeof CSV_COLUMNS)[number], unknown>> {
  const { vendor, connectionName, connectionId, setLabel, setId, status, firstSeenAt, stale } = set;
  return { vendor, connectionName, connectionId, setLabel, setId, status, firstSeenAt, stale, key: set.key };
}

/**
 * RFC 4180 CSV with a header row, one certificate per line, then one line per set with no
 * certificate (status `empty` or `empty-sign-in-fails`), so the sheet holds every set.
 */
export function toCsv(rows: ExportRow[], emptySets: readonly EmptySetExportRow[] = []): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const row of rows) {
    const extra = {
      sha256Colon: formatThumbprint(row.sha256, "colon"),
      findingCodes: row.findings.map((f) => f.code).join(" "),
      findingMessages: row.findings.map((f) => f.message).join(" | "),
    };
    lines.push(
      CSV_COLUMNS.map((column) =>
        csvCell(column in extra ? extra[column as keyof typeof extra] : row[column as keyof ExportRow]),
      ).join(","),
    );
  }
  for (const set of emptySets) {
    const cells = emptySetCells(set);
    lines.push(CSV_COLUMNS.map((column) => csvCell(cells[column])).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}

/** RFC 5545 text escaping. */
function icsText(value: string): string {
  return value
    .replaceAll("\\", "\\\\")
    .replaceAll(";", "\\;")
    .replaceAll(",", "\\,")
    .replace(/\r?\n/g, "\\n");
}

/** Fold lines at 75 octets (RFC 5545 §3.1). */
function fold(line: string): string {
  const bytes = Buffer.from(line, "utf8");
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let start = 0;
  while (start < bytes.length) {
    let end = Math.min(start + (start === 0 ? 75 : 74), bytes.length);
    while (end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end--; // never split a UTF-8 sequence
    parts.push(bytes.subarray(start, end).toString("utf8"));
    start = end;
  }
  return parts.join("\r\n ");
}

const stamp = (iso: string) => iso.replace(/[-:]/g, "").replace(/\.\d{3}/, "");

/**
 * An iCalendar feed of upcoming expiries: one all-day event per certificate not yet expired,
 * on its expiry date, with reminders 30 and 7 days before. `appUrl` makes links absolute.
 * Sets with no certificate are not in it: they have no date to put an event on (the CSV and JSON
 * exports, the Overview and the alerts report them).
 */
export function toIcs(rows: ExportRow[], now: Date, appUrl: string): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Trustdeck//Certificate expiries//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "X-WR-CALNAME:Trustdeck certificate expiries",
  ];
  for (const row of rows.filter((r) => Date.parse(r.notAfter) > now.getTime())) {
    const day = row.notAfter.slice(0, 10).replaceAll("-", "");
    const next = new Date(Date.parse(`${row.notAfter.slice(0, 10)}T00:00:00Z`) + 86_400_000)
      .toISOString()
      .slice(0, 10)
      .replaceAll("-", "");
    const name = row.commonName ?? row.subject;
    lines.push(
      "BEGIN:VEVENT",
      `UID:${row.sha256.slice(0, 32)}-${row.connectionId}-${Buffer.from(row.setId).toString("hex").slice(0, 32)}@trustdeck`,
      `DTSTAMP:${stamp(now.toISOString())}`,
      `DTSTART;VALUE=DATE:${day}`,
      `DTEND;VALUE=DATE:${next}`,
      `SUMMARY:${icsText(`Certificate expires: ${name} (${row.connectionName} · ${row.setLabel})`)}`,
      `DESCRIPTION:${icsText(`${row.vendor} · ${row.connectionName} · ${row.setLabel}, slot ${row.slot}\nExpires ${formatUtcDateTime(row.notAfter)}\nSHA-256 ${formatThumbprint(row.sha256, "colon")}\nSubject ${row.subject}`)}`,
      `URL:${new URL(row.setHref, appUrl).toString()}`,
      "TRANSP:TRANSPARENT",
      ...[30, 7].flatMap((days) => [
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        `DESCRIPTION:${icsText(`${name} expires in ${days} days`)}`,
        `TRIGGER:-P${days}D`,
        "END:VALARM",
      ]),
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(fold).join("\r\n")}\r\n`;
}
