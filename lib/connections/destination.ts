// Client-safe: where a connection's secrets are sent (its "destination"), as each vendor's
// connection schema declares it (`destination` in lib/vendors/<vendor>/connection-schema.ts).
// The server refuses an edit that changes the destination while keeping a stored secret, and
// seals the stored secrets for the destination's canonical form; the form uses the same
// comparison to warn before submit.
import { CONNECTION_SHAPES } from "@/lib/vendors/connection-schemas";
import { connectionFormOf } from "@/lib/vendors/connection-forms";
import type { Vendor } from "@/lib/vendors/descriptors";

/** The fields that decide where a vendor's secrets go, in declared order. */
export function destinationFields(vendor: Vendor): readonly string[] {
  return CONNECTION_SHAPES[vendor].destination;
}

/**
 * One field's value as compared and sealed: trimmed; a base URL as scheme, host (lower case, as
 * the URL parser writes it), port and path without trailing slashes, so that notations of the
 * same address compare equal and anything else does not.
 */
function canonicalValue(field: string, value: unknown): string {
  const text =
    typeof value === "string" ? value.trim() : value === undefined || value === null ? "" : String(value);
  if (field !== "baseUrl" || !URL.canParse(text)) return text;
  const url = new URL(text);
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, "")}`;
}

/** A connection's destination as one string: the vendor and each destination field's value. */
export function canonicalDestination(vendor: Vendor, values: Readonly<Record<string, unknown>>): string {
  return JSON.stringify([
    vendor,
    ...destinationFields(vendor).map((field) => [field, canonicalValue(field, values[field])]),
  ]);
}

/** The destination fields whose value differs between two versions of a connection. */
export function changedDestinationFields(
  vendor: Vendor,
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
): string[] {
  return destinationFields(vendor).filter(
    (field) => canonicalValue(field, before[field]) !== canonicalValue(field, after[field]),
  );
}

function labelOf(vendor: Vendor, field: string): string {
  const spec = connectionFormOf(vendor).find((candidate) => candidate.name === field);
  return spec ? spec.label : field;
}

/** "a, b and c" */
function listOf(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** The secret fields that must be entered again when the destination changes (the required ones). */
export function requiredSecretFields(vendor: Vendor): string[] {
  return Object.keys(CONNECTION_SHAPES[vendor].secrets);
}

/**
 * Why an edit that changes `changed` must carry the secrets again, naming the fields. A stored
 * secret is never sent to a destination other than the one it was entered for.
 */
export function reenterSecretMessage(vendor: Vendor, changed: readonly string[]): string {
  const fields = listOf(changed.map((field) => labelOf(vendor, field)));
  const secrets = listOf(requiredSecretFields(vendor).map((field) => labelOf(vendor, field)));
  const verb = changed.length === 1 ? "changes" : "change";
  return `The ${fields} ${verb} where the stored ${secrets} would be sent: enter the ${secrets} again to save this change. Trustdeck never sends a stored secret to a new destination.`;
}
