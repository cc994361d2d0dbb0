import { z } from "zod";
import { maxLength } from "@/lib/text/limits";
import {
  GUID,
  nameSchema,
  optionalBaseUrlSchema,
  optionalChoice,
  secret,
  withDefault,
  type ConnectionShape,
} from "../../connections/fields";
import {
  resolveAccessUrl,
  UIPATH_ACCESS_URL_FORM_IDS,
  UIPATH_TOKEN_ENDPOINT_FORM_IDS,
  uipathEndpoints,
  type UiPathAccessUrlInput,
  type UiPathUrlInput,
} from "./urls";

/**
 * A UiPath connection: where it is (the access URL's form and URL, the token endpoint's form),
 * organization, partition and an external application's credentials.
 */
export const uipathConnectionShape = {
  fields: {
    name: nameSchema,
    accessUrlForm: optionalChoice(UIPATH_ACCESS_URL_FORM_IDS, "the access URL's cloud platform"),
    /** The access URL; resolved from `accessUrlForm` (empty for Automation Cloud and Public Sector). */
    baseUrl: optionalBaseUrlSchema,
    tokenEndpointForm: optionalChoice(UIPATH_TOKEN_ENDPOINT_FORM_IDS, "the token endpoint's form"),
    organizationName: z
      .string()
      .trim()
      .min(1, "Enter the organization name as it appears in the URL (cloud.uipath.com/<name>).")
      .max(...maxLength("organization name", 100))
      .regex(
        /^[A-Za-z0-9][A-Za-z0-9_-]*$/,
        "The organization name is the URL segment after the host: letters, digits, - and _ only.",
      ),
    partitionGlobalId: z
      .string()
      .trim()
      .regex(
        GUID,
        "The partitionGlobalId is the organization's GUID (e.g. 3fa85f64-5717-4562-b3fc-2c963f66afa6), not its name. Copy it from ?organizationId= in the portal URL.",
      ),
    clientId: z
      .string()
      .trim()
      .min(1, "Enter the external application's App ID.")
      .max(...maxLength("App ID", 200)),
    scopes: withDefault(
      z
        .string()
        .trim()
        .max(...maxLength("scopes", 1024))
        .refine(
          (v) => !/\boffline_access\b/.test(v),
          "offline_access cannot be used with client credentials (UiPath answers invalid_scope).",
        ),
      "PM.AuthSetting PM.OAuthApp",
    ),
  },
  // The client secret goes to the base URL's token endpoint and acts on this organization.
  destination: ["baseUrl", "organizationName", "partitionGlobalId"],
  secrets: { clientSecret: secret("client secret") },
  optionalSecrets: {},
  resolveBaseUrl: (values: UiPathAccessUrlInput & Pick<UiPathUrlInput, "tokenEndpointForm">) => {
    const resolved = resolveAccessUrl(values);
    if (!resolved.ok) return { ok: false, field: "baseUrl", message: resolved.message };
    return {
      ok: true,
      baseUrl: resolved.accessUrl,
      choices: { accessUrlForm: resolved.form, tokenEndpointForm: values.tokenEndpointForm ?? "access-url" },
    };
  },
  baseUrlDependsOn: ["accessUrlForm", "baseUrl", "tokenEndpointForm"],
  endpoints: uipathEndpoints,
} satisfies ConnectionShape;
