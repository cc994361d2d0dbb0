import type { ConnectionFieldName, Vendor } from "@/lib/connections/schemas";

export type ConnectionFieldSpec = {
  name: ConnectionFieldName;
  label: string;
  hint?: string;
  placeholder?: string;
  /** Secret fields are write-only: never pre-filled, "set · replace" once stored. */
  secret?: boolean;
  optional?: boolean;
};

/** The form fields of each vendor's connection, in display order (validation lives in the schema). */
export const CONNECTION_FIELDS: Record<Vendor, ConnectionFieldSpec[]> = {
  uipath: [
    {
      name: "baseUrl",
      label: "Access URL",
      placeholder: "https://cloud.uipath.com",
      hint: "Automation Cloud, Public Sector (https://govcloud.uipath.us) or Dedicated (https://<name>.dedicated.uipath.com).",
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
  ],
  cloudflare: [
    { name: "baseUrl", label: "API base URL", placeholder: "https://api.cloudflare.com/client/v4" },
    { name: "accountId", label: "Account ID", placeholder: "32 hexadecimal characters" },
    {
      name: "apiToken",
      label: "API token",
      secret: true,
      hint: "An API token (not the global API key) with Access read and edit permissions for this account.",
    },
  ],
  huawei: [
    {
      name: "baseUrl",
      label: "Identity Store endpoint",
      placeholder: "https://identitystore.ap-southeast-1.myhuaweicloud.com",
    },
    { name: "region", label: "Region", placeholder: "ap-southeast-1" },
    { name: "identityStoreId", label: "Identity store ID", placeholder: "d-1234567890" },
    {
      name: "accessKeyId",
      label: "Access key ID (AK)",
      hint: "Of the management account or a delegated administrator.",
    },
    { name: "secretAccessKey", label: "Secret access key (SK)", secret: true },
    {
      name: "securityToken",
      label: "Security token",
      secret: true,
      optional: true,
      hint: "Only for temporary credentials.",
    },
  ],
};
