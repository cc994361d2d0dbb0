// Client-safe: whether a URL's host is one of a vendor's documented API hosts (the descriptor's
// `apiHosts`). The match is exact, on the host as the WHATWG URL parser writes it (lower case,
// an internationalised name in its xn-- form, so a look-alike letter never equals the real
// name), on https and the default port only. A trailing dot, another port, or a user:password@
// part is not a documented host.

/** One DNS label: letters, digits and inner hyphens. */
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Whether `host` matches `pattern`: an exact host (`api.cloudflare.com`), `*.` followed by a
 * host (exactly one label in its place: `acme.dedicated.uipath.com`), or a `{field}` placeholder
 * replaced by that connection field's value (`identitystore.{region}.myhuaweicloud.com`). With
 * no field values, a placeholder stands for any one label.
 */
export function hostMatchesPattern(
  host: string,
  pattern: string,
  fields?: Readonly<Record<string, unknown>>,
): boolean {
  const hostLabels = host.split(".");
  const patternLabels = pattern.toLowerCase().split(".");
  if (hostLabels.length !== patternLabels.length) return false;
  return patternLabels.every((expected, index) => {
    const label = hostLabels[index]!;
    if (expected === "*") return LABEL.test(label);
    const placeholder = /^\{(\w+)\}$/.exec(expected);
    if (!placeholder) return label === expected;
    if (!fields) return LABEL.test(label);
    const value = fields[placeholder[1]!];
    return typeof value === "string" && LABEL.test(label) && label === value.trim().toLowerCase();
  });
}

/** Whether `url` is https on the default port at one of `patterns` (see `hostMatchesPattern`). */
export function isDocumentedApiUrl(
  url: URL,
  patterns: readonly string[],
  fields?: Readonly<Record<string, unknown>>,
): boolean {
  if (url.protocol !== "https:" || url.port !== "" || url.username || url.password) return false;
  return patterns.some((pattern) => hostMatchesPattern(url.hostname, pattern, fields));
}
