import type { ConnectionFieldName } from "@/lib/connections/schemas";
import type { ConnectionFieldSpec } from "@/lib/vendors/descriptor";
import { VENDOR_DESCRIPTORS, type Vendor } from "@/lib/vendors/descriptors";

/** A form field of a vendor descriptor whose name is a field of the connection schemas. */
export type ConnectionFormField = ConnectionFieldSpec & { name: ConnectionFieldName };

/**
 * The connection form's fields of a vendor, in display order, from its descriptor. The return
 * type checks at compile time that every descriptor field exists in the connection schemas.
 */
export function connectionFormFields<V extends Vendor>(vendor: V): readonly ConnectionFormField[] {
  return VENDOR_DESCRIPTORS[vendor].connection.form;
}
