/** How the audit log records a secret: whether it changed or is set, never its value. */
export type SecretMarker = "changed" | "unchanged" | "set" | "not set";

const MARKERS = new Set<unknown>(["changed", "unchanged", "set", "not set"]);

/** `{ apiToken: "changed" }` for each secret field of a vendor: replaced by this change, or kept. */
export function secretChanges(
  fields: readonly string[],
  replaced: readonly string[],
): Record<string, SecretMarker> {
  return Object.fromEntries(
    fields.map((field) => [field, replaced.includes(field) ? "changed" : "unchanged"]),
  );
}

/** `{ apiToken: "set" }` for each secret field of a vendor: stored or not. */
export function secretsPresence(
  fields: readonly string[],
  stored: readonly string[],
): Record<string, SecretMarker> {
  return Object.fromEntries(fields.map((field) => [field, stored.includes(field) ? "set" : "not set"]));
}

/** Whether a value under a secret-named key is only such markers (safe to keep in the log). */
export function isSecretMarker(value: unknown): boolean {
  if (MARKERS.has(value)) return true;
  if (!value || typeof value !== "object" || Array.isArray(value)) return false;
  const entries = Object.values(value);
  return entries.length > 0 && entries.every((item) => MARKERS.has(item));
}
