import type { ConnectionFieldSpec } from "../descriptor";
import { optionsOf } from "../url-forms";
import { UIPATH_ACCESS_URL_FORMS, UIPATH_TOKEN_ENDPOINT_FORMS } from "./urls";

/**
 * The UiPath connection form's fields in display order (label, hint, placeholder, secret, optional).
 * Client-safe, and apart from the descriptor so pages that only show certificates do not ship it.
 */
export const uipathConnectionForm = [
  {
    name: "accessUrlForm",
    label: "Cloud platform",
    options: optionsOf(UIPATH_ACCESS_URL_FORMS),
    hint: "Where your organization lives; it decides the access URL.",
  },
  {
    name: "baseUrl",
    label: "Access URL",
    placeholder: "https://<name>.dedicated.uipath.com",
    hint: "For Dedicated and a custom host only; Automation Cloud and Public Sector have a fixed URL (leave it empty).",
  },
  {
    name: "organizationName",
    label: "Organization name",
    placeholder: "acme",
    hint: "The segment after the host in your UiPath URL.",
  },
  {
    name: "partitionGlobalId",
    label: "partitionGlobalId (organization ID)",
    placeholder: "3fa85f64-5717-4562-b3fc-2c963f66afa6",
    hint: "A GUID: copy it from ?organizationId= in the portal URL.",
  },
  {
    name: "tokenEndpointForm",
    label: "Token endpoint",
    options: optionsOf(UIPATH_TOKEN_ENDPOINT_FORMS),
    hint: "UiPath documents both; use the one your tenant answers on.",
  },
  {
    name: "clientId",
    label: "External application App ID",
    hint: "A confidential application with the application scopes below.",
  },
  { name: "clientSecret", label: "App secret", secret: true },
  {
    name: "scopes",
    label: "Scopes",
    placeholder: "PM.AuthSetting PM.OAuthApp",
    hint: "Space-separated; only scopes granted to the application.",
  },
] as const satisfies readonly ConnectionFieldSpec[];
