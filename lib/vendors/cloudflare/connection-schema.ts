import { z } from "zod";
import {
  baseUrlSchema,
  nameSchema,
  secret,
  withDefault,
  type ConnectionShape,
} from "../../connections/fields";

/** A Cloudflare connection: an account and an API token. */
export const cloudflareConnectionShape = {
  fields: {
    name: nameSchema,
    baseUrl: withDefault(baseUrlSchema, "https://api.cloudflare.com/client/v4"),
    accountId: z
      .string()
      .trim()
      .regex(
        /^[0-9a-f]{32}$/i,
        "A Cloudflare account ID is 32 hexadecimal characters (Dashboard → Account home → Account ID).",
      ),
  },
  // The API token goes to the base URL and acts on this account.
  destination: ["baseUrl", "accountId"],
  secrets: { apiToken: secret("API token") },
  optionalSecrets: {},
} satisfies ConnectionShape;
