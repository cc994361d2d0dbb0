import {
  fillTemplate,
  matchTemplate,
  nearMiss,
  type ConnectionEndpoint,
  type UrlTemplate,
} from "../url-forms";

// Huawei Cloud's Identity Store endpoint per region (docs/vendor-contracts.md, "Hosts and
// discovery"). Client-safe: the form, the schema, the client and the connection card resolve
// the endpoint with these functions.

/** The regions Huawei's SDKs list for the Identity Store service. */
export const HUAWEI_IDENTITY_STORE_REGIONS = [
  "af-north-1",
  "af-south-1",
  "ap-southeast-1",
  "ap-southeast-2",
  "ap-southeast-3",
  "ap-southeast-4",
  "ap-southeast-5",
  "cn-east-3",
  "cn-north-4",
  "cn-south-1",
  "cn-south-4",
  "cn-southwest-2",
  "la-north-2",
  "la-south-2",
  "me-east-1",
  "sa-brazil-1",
  "tr-west-1",
] as const;

/** The shape of a region ID, documented or not (a custom endpoint may serve a newer region). */
export const HUAWEI_REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d+$/;

const IDENTITY_STORE: UrlTemplate = {
  template: "https://identitystore.{region}.myhuaweicloud.com",
  parameter: HUAWEI_REGION_PATTERN,
};
const TEMPLATES = { region: IDENTITY_STORE };
const HUAWEI_DOMAINS = ["myhuaweicloud.com"];

/** How a connection chooses its Identity Store endpoint. */
export const HUAWEI_ENDPOINT_FORM_IDS = ["region", "custom"] as const;
export type HuaweiEndpointForm = (typeof HUAWEI_ENDPOINT_FORM_IDS)[number];
export const HUAWEI_ENDPOINT_FORMS: Readonly<Record<HuaweiEndpointForm, string>> = {
  region: "From the region (https://identitystore.<region>.myhuaweicloud.com)",
  custom: "Custom endpoint (a gateway, the sandbox, or a region not listed)",
};

/** What the Identity Store endpoint depends on. */
export interface HuaweiEndpointInput {
  endpointForm?: HuaweiEndpointForm;
  region: string;
  /** The endpoint typed in (empty when it comes from the region). */
  baseUrl: string;
}

/** The endpoint and the form it was resolved with, or what is wrong, and in which field. */
export type HuaweiEndpoint =
  | { ok: true; form: HuaweiEndpointForm; endpoint: string }
  | { ok: false; field: "region" | "baseUrl"; message: string };

/** The documented Identity Store endpoint of a region. */
export function identityStoreEndpoint(region: string): string {
  return fillTemplate(IDENTITY_STORE, region);
}

/** The region a documented Identity Store endpoint names. */
export function regionOfEndpoint(url: string): string | undefined {
  return matchTemplate(IDENTITY_STORE, url);
}

/** The form a stored endpoint is in (connections saved before the form was a field have none). */
export function inferEndpointForm(input: Omit<HuaweiEndpointInput, "endpointForm">): HuaweiEndpointForm {
  return input.baseUrl === "" || input.baseUrl === identityStoreEndpoint(input.region) ? "region" : "custom";
}

function isDocumentedRegion(region: string): boolean {
  return (HUAWEI_IDENTITY_STORE_REGIONS as readonly string[]).includes(region);
}

/**
 * Resolves the Identity Store endpoint. From the region: the documented host of a documented
 * region (a documented endpoint typed in, e.g. left over from another region, is replaced). A
 * custom endpoint is taken as typed, unless it is a mistyped Huawei Cloud host or another
 * region's endpoint. Without a form (saved before it was a field), the endpoint is used as typed.
 */
export function resolveIdentityStoreEndpoint(input: HuaweiEndpointInput): HuaweiEndpoint {
  const typed = input.baseUrl;
  // Saved before the form was a field: the endpoint as it was always used.
  if (input.endpointForm === undefined && typed !== "")
    return { ok: true, form: inferEndpointForm(input), endpoint: typed };
  const form = input.endpointForm ?? "region";
  if (form === "region") {
    if (!isDocumentedRegion(input.region))
      return {
        ok: false,
        field: "region",
        message: `Huawei Cloud documents no Identity Store endpoint in ${input.region}. Use one of ${HUAWEI_IDENTITY_STORE_REGIONS.join(", ")}, or choose “Custom endpoint” and enter its URL.`,
      };
    if (typed !== "" && regionOfEndpoint(typed) === undefined)
      return {
        ok: false,
        field: "baseUrl",
        message: `The endpoint comes from the region (${identityStoreEndpoint(input.region)}): leave the endpoint empty, or choose “Custom endpoint” for ${typed}.`,
      };
    return { ok: true, form, endpoint: identityStoreEndpoint(input.region) };
  }
  if (typed === "")
    return { ok: false, field: "baseUrl", message: "Enter the custom Identity Store endpoint's URL." };
  const miss = nearMiss(TEMPLATES, HUAWEI_DOMAINS, typed, "an Identity Store endpoint");
  if (miss) return { ok: false, field: "baseUrl", message: miss };
  const named = regionOfEndpoint(typed);
  if (named !== undefined && named !== input.region)
    return {
      ok: false,
      field: "baseUrl",
      message: `${typed} is the Identity Store endpoint of ${named}, but the region is ${input.region}. The store answers only at its own region's endpoint.`,
    };
  return { ok: true, form, endpoint: typed };
}

/** The URLs the connection calls, labelled with the form they were chosen in, for the connection card. */
export function huaweiEndpoints(conn: HuaweiEndpointInput): ConnectionEndpoint[] {
  const form = conn.endpointForm ?? inferEndpointForm(conn);
  const label =
    form === "region"
      ? `Identity Store endpoint · region ${conn.region}`
      : "Identity Store endpoint · custom endpoint";
  return [{ label, url: conn.baseUrl }];
}
