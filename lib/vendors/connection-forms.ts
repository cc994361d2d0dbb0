import type { ConnectionFieldSpec } from "./descriptor";
import type { Vendor } from "./descriptors";
import { cloudflareConnectionForm } from "./cloudflare/connection-form";
import { huaweiConnectionForm } from "./huawei/connection-form";
import { uipathConnectionForm } from "./uipath/connection-form";

// The client-safe registry of connection forms. Apart from the descriptors because the forms (with
// every URL form's wording) are needed only by the Connections page, while descriptors reach every
// page that shows a certificate: keeping them out keeps those pages' JavaScript small.

/** Each vendor's connection form fields, in display order; `secret` ones never leave the server. */
export const CONNECTION_FORMS = {
  uipath: uipathConnectionForm,
  cloudflare: cloudflareConnectionForm,
  huawei: huaweiConnectionForm,
} as const satisfies { readonly [V in Vendor]: readonly ConnectionFieldSpec[] };

/** The form fields of a vendor known only at run time. */
export function connectionFormOf(vendor: Vendor): readonly ConnectionFieldSpec[] {
  return CONNECTION_FORMS[vendor];
}
