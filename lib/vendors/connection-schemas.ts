import type { ConnectionShape } from "../connections/fields";
import type { Vendor } from "./descriptors";
import { cloudflareConnectionShape } from "./cloudflare/connection-schema";
import { huaweiConnectionShape } from "./huawei/connection-schema";
import { uipathConnectionShape } from "./uipath/connection-schema";

// Each vendor's connection schema (zod), apart from the descriptors so that pages which only
// need labels do not load it. lib/connections/schemas.ts builds the form and storage schemas.

/** Every vendor's connection schema. A new vendor is one line here. */
export const CONNECTION_SHAPES = {
  uipath: uipathConnectionShape,
  cloudflare: cloudflareConnectionShape,
  huawei: huaweiConnectionShape,
} as const satisfies { [V in Vendor]: ConnectionShape };
