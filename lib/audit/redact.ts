import { isSecretMarker } from "./secret-changes";

const SECRET_KEY =
  /secret|token|password|passwd|authorization|assertion|private.?key|cookie|signature|^sk$|credential_?value/i;

/**
 * Copy a value for the audit log without anything that could be a secret: keys that name
 * secrets are replaced by "[redacted]" at any depth, unless they hold only "changed" / "unchanged" /
 * "set" / "not set" markers (lib/audit/secret-changes.ts). Audit details are summaries, never payloads.
 */
export function redactSecrets(value: unknown, depth = 0): unknown {
  if (depth > 6) return "[truncated]";
  if (Array.isArray(value)) return value.slice(0, 50).map((item) => redactSecrets(item, depth + 1));
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] =
        SECRET_KEY.test(key) && !isSecretMarker(item) ? "[redacted]" : redactSecrets(item, depth + 1);
    }
    return out;
  }
  if (typeof value === "string" && value.length > 2000) return `${value.slice(0, 2000)}…`;
  return value;
}
