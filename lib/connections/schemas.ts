import { z } from "zod";

/** The vendors Trustdeck can connect to. A new vendor adds a member here and a folder in lib/vendors. */
export const VENDORS = ["uipath", "cloudflare", "huawei"] as const;
export type Vendor = (typeof VENDORS)[number];

export const VENDOR_LABELS: Record<Vendor, string> = {
  uipath: "UiPath Automation Cloud",
  cloudflare: "Cloudflare Zero Trust Access",
  huawei: "Huawei Cloud IAM Identity Center",
};

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/**
 * A vendor base URL: https, or http on a loopback address (a local gateway or the sandbox).
 * Trailing slashes are dropped so that paths can be appended uniformly.
 */
export const baseUrlSchema = z
  .string()
  .trim()
  .min(1, "Enter the base URL.")
  .refine((value) => URL.canParse(value), "Enter a full URL, such as https://cloud.uipath.com.")
  .refine((value) => {
    if (!URL.canParse(value)) return true;
    const url = new URL(value);
    return url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname));
  }, "Use https:// (plain http is only accepted for a loopback address such as 127.0.0.1).")
  .refine(
    (value) => !URL.canParse(value) || (!new URL(value).search && !new URL(value).hash),
    "Remove the query string or fragment from the URL.",
  )
  .transform((value) => value.replace(/\/+$/, ""));

/** A field whose empty value (an untouched form input) means "use the default". */
const withDefault = <T extends z.ZodType<string>>(schema: T, fallback: string) =>
  z.preprocess((value) => (value === "" || value === undefined ? fallback : value), schema);

const nameSchema = z
  .string()
  .trim()
  .min(1, "Give the connection a name.")
  .max(80, "Keep the name to 80 characters or fewer.");

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A secret field: required when creating; on edit an empty value means "keep the stored one". */
const secret = (label: string) =>
  z.string().trim().min(1, `Enter the ${label}.`).max(4096, `The ${label} is too long.`);

const uipathFields = {
  vendor: z.literal("uipath"),
  name: nameSchema,
  baseUrl: baseUrlSchema,
  organizationName: z
    .string()
    .trim()
    .min(1, "Enter the organization name as it appears in the URL (cloud.uipath.com/<name>).")
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
  clientId: z.string().trim().min(1, "Enter the external application's App ID."),
  scopes: withDefault(
    z
      .string()
      .trim()
      .refine(
        (v) => !/\boffline_access\b/.test(v),
        "offline_access cannot be used with client credentials (UiPath answers invalid_scope).",
      ),
    "PM.AuthSetting PM.OAuthApp",
  ),
};

const cloudflareFields = {
  vendor: z.literal("cloudflare"),
  name: nameSchema,
  baseUrl: withDefault(baseUrlSchema, "https://api.cloudflare.com/client/v4"),
  accountId: z
    .string()
    .trim()
    .regex(
      /^[0-9a-f]{32}$/i,
      "A Cloudflare account ID is 32 hexadecimal characters (Dashboard → Account home → Account ID).",
    ),
};

const huaweiFields = {
  vendor: z.literal("huawei"),
  name: nameSchema,
  baseUrl: baseUrlSchema,
  region: z
    .string()
    .trim()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, "Enter a region ID such as ap-southeast-1."),
  identityStoreId: z
    .string()
    .trim()
    .regex(/^d-[0-9A-Za-z]{6,}$/, "An identity store ID looks like d-1234567890."),
  accessKeyId: z
    .string()
    .trim()
    .regex(/^[A-Z0-9]{16,64}$/, "An access key ID is 16 to 64 upper-case letters and digits."),
};

const uipathSecrets = { clientSecret: secret("client secret") };
const cloudflareSecrets = { apiToken: secret("API token") };
const huaweiSecrets = {
  secretAccessKey: secret("secret access key"),
  securityToken: z
    .string()
    .trim()
    .max(2048, "A security token is at most 2048 characters.")
    .optional()
    .or(z.literal("").transform(() => undefined)),
};

/** Every field of a connection, secrets included: what the "add connection" form submits. */
export const connectionInputSchema = z.discriminatedUnion("vendor", [
  z.object({ ...uipathFields, ...uipathSecrets }),
  z.object({ ...cloudflareFields, ...cloudflareSecrets }),
  z.object({ ...huaweiFields, ...huaweiSecrets }),
]);
export type ConnectionInput = z.output<typeof connectionInputSchema>;
export type ConnectionFormValues = z.input<typeof connectionInputSchema>;
/** A field of some vendor's connection form. */
export type ConnectionFieldName = ConnectionFormValues extends infer T
  ? T extends unknown
    ? keyof T
    : never
  : never;

const keepIfEmpty = <T extends z.ZodType>(schema: T) =>
  z.union([z.literal("").transform(() => undefined), schema]).optional();

/** The "edit connection" form: secrets may be left empty to keep the stored ones. */
export const connectionUpdateSchema = z.discriminatedUnion("vendor", [
  z.object({ id: z.uuid(), ...uipathFields, clientSecret: keepIfEmpty(uipathSecrets.clientSecret) }),
  z.object({ id: z.uuid(), ...cloudflareFields, apiToken: keepIfEmpty(cloudflareSecrets.apiToken) }),
  z.object({
    id: z.uuid(),
    ...huaweiFields,
    secretAccessKey: keepIfEmpty(huaweiSecrets.secretAccessKey),
    securityToken: huaweiSecrets.securityToken,
  }),
]);
export type ConnectionUpdate = z.output<typeof connectionUpdateSchema>;
export type ConnectionUpdateValues = z.input<typeof connectionUpdateSchema>;

/** The secret part of each vendor's connection, as stored (encrypted) in the database. */
export const connectionSecretsSchema = z.discriminatedUnion("vendor", [
  z.object({ vendor: z.literal("uipath"), clientSecret: z.string() }),
  z.object({ vendor: z.literal("cloudflare"), apiToken: z.string() }),
  z.object({
    vendor: z.literal("huawei"),
    secretAccessKey: z.string(),
    securityToken: z.string().optional(),
  }),
]);
export type ConnectionSecrets = z.output<typeof connectionSecretsSchema>;

/** The names of the secret fields of each vendor, which never leave the server. */
export const SECRET_FIELDS: Record<Vendor, readonly string[]> = {
  uipath: ["clientSecret"],
  cloudflare: ["apiToken"],
  huawei: ["secretAccessKey", "securityToken"],
};
