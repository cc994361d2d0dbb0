// The documented URL shapes of a vendor ("https://{name}.dedicated.uipath.com",
// "https://identitystore.{region}.myhuaweicloud.com"): fill one in, recognise one, and explain
// a URL that is almost one. Client-safe and pure: the connection form, the schemas, the adapters
// and the connection card resolve URLs with the same functions.

/** A documented base URL: `https://` and a host, with at most one `{parameter}` in the host. */
export interface UrlTemplate {
  /** e.g. "https://{name}.dedicated.uipath.com"; no path, no port. */
  template: string;
  /** What the parameter may be (a DNS label when absent). */
  parameter?: RegExp;
}

/** One URL a connection calls, as the connection card and *Test* name it. */
export interface ConnectionEndpoint {
  label: string;
  url: string;
}

/** A choice's values and labels, in declaration order, for a select. */
export function optionsOf(labels: Readonly<Record<string, string>>): { value: string; label: string }[] {
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}

/** A host label: letters, digits and inner hyphens. */
const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const PARAMETER = /\{([a-zA-Z]+)\}/;

/** The template with its parameter replaced (values are checked by the caller's schema). */
export function fillTemplate(template: UrlTemplate, value = ""): string {
  return template.template.replace(PARAMETER, value.toLowerCase());
}

/**
 * The parameter value when `url` is exactly this documented URL (host only, https, any case,
 * an optional trailing slash), "" for a template without a parameter, undefined otherwise.
 */
export function matchTemplate(template: UrlTemplate, url: string): string | undefined {
  const parsed = parseUrl(url);
  if (!parsed || parsed.protocol !== "https:" || parsed.port || parsed.username || parsed.password)
    return undefined;
  if (parsed.pathname !== "/" || parsed.search || parsed.hash) return undefined;
  const [before, after] = hostParts(template);
  const host = parsed.hostname;
  if (!PARAMETER.test(template.template)) return host === before ? "" : undefined;
  if (!host.startsWith(before) || !host.endsWith(after) || host.length <= before.length + after.length)
    return undefined;
  const value = host.slice(before.length, host.length - after.length);
  const valid = template.parameter ? template.parameter.test(value) : DNS_LABEL.test(value);
  return valid ? value : undefined;
}

/** The first of `templates` that `url` is, with its parameter value. */
export function classifyUrl<K extends string>(
  templates: Readonly<Record<K, UrlTemplate>>,
  url: string,
): { form: K; value: string } | undefined {
  for (const form of Object.keys(templates) as K[]) {
    const value = matchTemplate(templates[form], url);
    if (value !== undefined) return { form, value };
  }
  return undefined;
}

/**
 * Why `url`, on one of the vendor's own domains, is none of its documented URLs — a path, plain
 * http, a port or an unknown host — or undefined when it is fine (documented, or another host).
 */
export function nearMiss(
  templates: Readonly<Record<string, UrlTemplate>>,
  vendorDomains: readonly string[],
  url: string,
  what: string,
): string | undefined {
  const parsed = parseUrl(url);
  if (!parsed) return undefined;
  const host = parsed.hostname;
  if (!vendorDomains.some((domain) => host === domain || host.endsWith(`.${domain}`))) return undefined;
  if (classifyUrl(templates, url)) return undefined;
  const origin = `https://${host}`;
  if (classifyUrl(templates, origin)) {
    if (parsed.protocol !== "https:") return `Use https:// for ${host}: ${what} is ${origin}.`;
    if (parsed.port) return `Remove the port :${parsed.port}: ${what} is ${origin}.`;
    if (parsed.username || parsed.password)
      return `Remove the user name and password before the host: ${what} is ${origin}.`;
    return `Remove “${parsed.pathname.replace(/\/+$/, "")}${parsed.search}” after the host: ${what} is ${origin} alone.`;
  }
  const documented = Object.values(templates)
    .map((t) => t.template)
    .join(", ");
  return `${host} is not ${what} (documented: ${documented}). Check the spelling, or choose a custom host.`;
}

function hostParts(template: UrlTemplate): [string, string] {
  const host = template.template.replace(/^https:\/\//, "");
  const [before = "", after = ""] = host.split(PARAMETER.exec(host)?.[0] ?? "\u0000");
  return [before, after];
}

function parseUrl(url: string): URL | undefined {
  return URL.canParse(url) ? new URL(url) : undefined;
}
