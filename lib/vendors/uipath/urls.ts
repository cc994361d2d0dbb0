import {
  classifyUrl,
  fillTemplate,
  matchTemplate,
  nearMiss,
  type ConnectionEndpoint,
  type UrlTemplate,
} from "../url-forms";

// UiPath's documented URL forms (docs/vendor-contracts.md, "Addressing"): the access URL of each
// cloud platform, and the token endpoint with or without the organization segment. Client-safe:
// the form, the schema, the client and the connection card resolve with these functions.

/** The access URL of each cloud platform UiPath documents. */
export const UIPATH_ACCESS_URLS = {
  cloud: { template: "https://cloud.uipath.com" },
  "public-sector": { template: "https://govcloud.uipath.us" },
  dedicated: { template: "https://{name}.dedicated.uipath.com" },
} as const satisfies Record<string, UrlTemplate>;

/** The access-URL forms a connection can choose: a documented platform, or a custom host. */
export const UIPATH_ACCESS_URL_FORM_IDS = ["cloud", "public-sector", "dedicated", "custom"] as const;
export type UiPathAccessUrlForm = (typeof UIPATH_ACCESS_URL_FORM_IDS)[number];
export const UIPATH_ACCESS_URL_FORMS: Readonly<Record<UiPathAccessUrlForm, string>> = {
  cloud: "Automation Cloud (https://cloud.uipath.com)",
  "public-sector": "Automation Cloud Public Sector (https://govcloud.uipath.us)",
  dedicated: "Automation Cloud Dedicated (https://<name>.dedicated.uipath.com)",
  custom: "Custom host (a gateway or the sandbox)",
};

/** The two documented token endpoints. */
export const UIPATH_TOKEN_ENDPOINT_FORM_IDS = ["access-url", "organization"] as const;
export type UiPathTokenEndpointForm = (typeof UIPATH_TOKEN_ENDPOINT_FORM_IDS)[number];
export const UIPATH_TOKEN_ENDPOINT_FORMS: Readonly<Record<UiPathTokenEndpointForm, string>> = {
  "access-url": "{access URL}/identity_/connect/token (without the organization)",
  organization: "{access URL}/{organization}/identity_/connect/token",
};

const PLATFORM_NAMES = { cloud: "Automation Cloud", "public-sector": "Automation Cloud Public Sector" };
const UIPATH_DOMAINS = ["uipath.com", "uipath.us"];
const WHAT = "a UiPath access URL";

/** What the access URL depends on. */
export interface UiPathAccessUrlInput {
  accessUrlForm?: UiPathAccessUrlForm;
  /** The URL typed in (empty for the platforms whose URL is fixed). */
  baseUrl: string;
}

/** The access URL and the form it was resolved with, or what is wrong with the choice. */
export type UiPathAccessUrl =
  { ok: true; form: UiPathAccessUrlForm; accessUrl: string } | { ok: false; message: string };

/** The form a stored URL is in (connections saved before the form was a field have none). */
export function inferAccessUrlForm(baseUrl: string): UiPathAccessUrlForm {
  if (baseUrl === "") return "cloud";
  return classifyUrl(UIPATH_ACCESS_URLS, baseUrl)?.form ?? "custom";
}

/**
 * Resolves the access URL of a connection. Automation Cloud and Public Sector have one URL each,
 * so the typed URL is ignored when it is empty or another documented one (left over from an
 * earlier choice); Dedicated needs its own https://<name>.dedicated.uipath.com; a custom host
 * may be anything but a mistyped UiPath URL. Without a form (a connection saved before it was a
 * field), the URL is used as typed, as it always was.
 */
export function resolveAccessUrl(input: UiPathAccessUrlInput): UiPathAccessUrl {
  const typed = input.baseUrl;
  // Saved before the form was a field: the URL as it was always used.
  if (input.accessUrlForm === undefined && typed !== "")
    return { ok: true, form: inferAccessUrlForm(typed), accessUrl: typed };
  const form = input.accessUrlForm ?? "cloud";
  if (form === "cloud" || form === "public-sector") {
    const fixed = fillTemplate(UIPATH_ACCESS_URLS[form]);
    if (typed === "" || classifyUrl(UIPATH_ACCESS_URLS, typed)) return { ok: true, form, accessUrl: fixed };
    return {
      ok: false,
      message: `${PLATFORM_NAMES[form]}'s access URL is ${fixed}: leave the access URL empty, or choose “Custom host” for ${typed}.`,
    };
  }
  if (typed === "")
    return {
      ok: false,
      message:
        form === "dedicated"
          ? "Enter your Dedicated access URL, https://<name>.dedicated.uipath.com."
          : "Enter the custom host's URL, e.g. https://uipath-gateway.example.com.",
    };
  const miss = nearMiss(UIPATH_ACCESS_URLS, UIPATH_DOMAINS, typed, WHAT);
  if (miss) return { ok: false, message: miss };
  if (form === "dedicated") {
    const name = matchTemplate(UIPATH_ACCESS_URLS.dedicated, typed);
    if (name === undefined)
      return {
        ok: false,
        message: `A Dedicated access URL looks like https://<name>.dedicated.uipath.com; ${typed} is not one (choose “Custom host” for another host).`,
      };
    return { ok: true, form, accessUrl: fillTemplate(UIPATH_ACCESS_URLS.dedicated, name) };
  }
  return { ok: true, form, accessUrl: typed };
}

/** What the URLs a connection calls depend on. */
export interface UiPathUrlInput {
  /** The resolved access URL (the stored base URL). */
  baseUrl: string;
  organizationName: string;
  tokenEndpointForm?: UiPathTokenEndpointForm;
}

/** The token endpoint in the connection's form; without the organization segment by default. */
export function uipathTokenEndpoint(conn: UiPathUrlInput): string {
  const org =
    conn.tokenEndpointForm === "organization" ? `/${encodeURIComponent(conn.organizationName)}` : "";
  return `${conn.baseUrl}${org}/identity_/connect/token`;
}

/** The path of SAML certificates and external applications: `/{organizationName}/identity_/api`. */
export function organizationApiPath(conn: Pick<UiPathUrlInput, "organizationName">): string {
  return `/${encodeURIComponent(conn.organizationName)}/identity_/api`;
}

/** The path of federated credentials: `/identity_/api`, without the organization segment. */
export const FEDERATED_API_PATH = "/identity_/api";

/** SAML certificates and external applications: `{accessURL}/{organizationName}/identity_/api`. */
export function uipathOrganizationApiBase(conn: UiPathUrlInput): string {
  return `${conn.baseUrl}${organizationApiPath(conn)}`;
}

/** Federated credentials: `{accessURL}/identity_/api`. */
export function uipathFederatedApiBase(conn: UiPathUrlInput): string {
  return `${conn.baseUrl}${FEDERATED_API_PATH}`;
}

/** Every URL the connection calls, labelled with the form it was chosen in, for the connection card. */
export function uipathEndpoints(
  conn: UiPathUrlInput & { accessUrlForm?: UiPathAccessUrlForm },
): ConnectionEndpoint[] {
  const form = conn.accessUrlForm ?? inferAccessUrlForm(conn.baseUrl);
  const tokenForm = conn.tokenEndpointForm ?? "access-url";
  return [
    { label: `Access URL · ${UIPATH_ACCESS_URL_FORMS[form]}`, url: conn.baseUrl },
    {
      label: `Token endpoint · ${tokenForm === "organization" ? "with" : "without"} the organization segment`,
      url: uipathTokenEndpoint(conn),
    },
    { label: "API · SAML certificates, external applications", url: uipathOrganizationApiBase(conn) },
    { label: "API · federated credentials", url: uipathFederatedApiBase(conn) },
  ];
}
