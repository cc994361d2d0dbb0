import { z } from "zod";
import { maxLength } from "@/lib/text/limits";
import {
  nameSchema,
  optionalBaseUrlSchema,
  optionalChoice,
  secret,
  type ConnectionShape,
} from "../../connections/fields";
import {
  HUAWEI_ENDPOINT_FORM_IDS,
  HUAWEI_REGION_PATTERN,
  huaweiEndpoints,
  resolveIdentityStoreEndpoint,
  type HuaweiEndpointInput,
} from "./urls";

/**
 * A Huawei Cloud connection: region, the Identity Store endpoint (from the region, or custom),
 * identity store and AK/SK (+ a security token when temporary).
 */
export const huaweiConnectionShape = {
  fields: {
    name: nameSchema,
    region: z
      .string()
      .trim()
      .max(...maxLength("region", 64))
      .regex(HUAWEI_REGION_PATTERN, "Enter a region ID such as ap-southeast-1."),
    endpointForm: optionalChoice(HUAWEI_ENDPOINT_FORM_IDS, "where the Identity Store endpoint comes from"),
    /** The Identity Store endpoint; derived from the region unless `endpointForm` is custom. */
    baseUrl: optionalBaseUrlSchema,
    identityStoreId: z
      .string()
      .trim()
      .max(...maxLength("identity store ID", 128))
      .regex(/^d-[0-9A-Za-z]{6,}$/, "An identity store ID looks like d-1234567890."),
    accessKeyId: z
      .string()
      .trim()
      .max(...maxLength("access key ID", 64))
      .regex(/^[A-Z0-9]{16,64}$/, "An access key ID is 16 to 64 upper-case letters and digits."),
  },
  // Requests are signed for the base URL's host, in this region, on this identity store.
  destination: ["baseUrl", "region", "identityStoreId"],
  secrets: { secretAccessKey: secret("secret access key") },
  optionalSecrets: {
    securityToken: z
      .string()
      .trim()
      .max(2048, "A security token is at most 2048 characters.")
      .optional()
      .or(z.literal("").transform(() => undefined)),
  },
  resolveBaseUrl: (values: HuaweiEndpointInput) => {
    const resolved = resolveIdentityStoreEndpoint(values);
    if (!resolved.ok) return resolved;
    return { ok: true, baseUrl: resolved.endpoint, choices: { endpointForm: resolved.form } };
  },
  baseUrlDependsOn: ["region", "endpointForm", "baseUrl"],
  endpoints: huaweiEndpoints,
} satisfies ConnectionShape;
