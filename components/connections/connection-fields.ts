import type { ConnectionFieldName } from "@/lib/connections/schemas";
import type { ConnectionFieldSpec } from "@/lib/vendors/descriptor";
import { CONNECTION_FORMS } from "@/lib/vendors/connection-forms";
import type { Vendor } from "@/lib/vendors/descriptors";

/** A form field of a vendor's connection form whose name is a field of the connection schemas. */
export type ConnectionFormField = ConnectionFieldSpec & { name: ConnectionFieldName };

/**
 * The connection form's fields of a vendor, in display order, from its connection form. The return
 * type checks at compile time that every descriptor field exists in the connection schemas.
 */
export function connectionFormFields<V extends Vendor>(vendor: V): readonly ConnectionFormField[] {
  return CONNECTION_FORMS[vendor];
}
