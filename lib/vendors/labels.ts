import type { Vendor } from "./descriptors";
import { cloudflareLabel } from "./cloudflare/label";
import { huaweiLabel } from "./huawei/label";
import { uipathLabel } from "./uipath/label";

/**
 * Each vendor's product name ("… Zero Trust Access"), without the rest of the descriptors (forms,
 * URL forms, action wording): client components that only label a vendor import this module and
 * keep their pages' first-load JavaScript small. descriptors.ts re-exports it.
 */
export const VENDOR_LABELS: Record<Vendor, string> = {
  uipath: uipathLabel,
  cloudflare: cloudflareLabel,
  huawei: huaweiLabel,
};
