import { z } from "zod";
import { maxLength } from "@/lib/text/limits";
import { baseUrlSchema, nameSchema, secret, type ConnectionShape } from "../../connections/fields";

/** A Huawei Cloud connection: region, identity store and AK/SK (+ a security token when temporary). */
export const huaweiConnectionShape = {
  fields: {
    name: nameSchema,
    baseUrl: baseUrlSchema,
    region: z
      .string()
      .trim()
      .max(...maxLength("region", 64))
      .regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, "Enter a region ID such as ap-southeast-1."),
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
  secrets: { secretAccessKey: secret("secret access key") },
  optionalSecrets: {
    securityToken: z
      .string()
      .trim()
      .max(2048, "A security token is at most 2048 characters.")
      .optional()
      .or(z.literal("").transform(() => undefined)),
  },
} satisfies ConnectionShape;
