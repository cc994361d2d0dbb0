"use client";

import { useWatch, type Control } from "react-hook-form";
import {
  connectionEndpoints,
  connectionFieldsSchema,
  type ConnectionFormValues,
  type ConnectionInput,
  type ConnectionUpdate,
  type ConnectionUpdateValues,
} from "@/lib/connections/schemas";
import { ConnectionEndpoints } from "./connection-endpoints";

type Props = {
  control: Control<
    ConnectionFormValues | ConnectionUpdateValues,
    unknown,
    ConnectionInput | ConnectionUpdate
  >;
};

/**
 * The URLs the connection will call, resolved from the form as it is filled in (the same
 * resolution the server saves), so the URL forms can be compared before saving.
 */
export function ConnectionUrlPreview({ control }: Props) {
  const values = useWatch({ control });
  const parsed = connectionFieldsSchema.safeParse({ ...values, name: values.name || "preview" });
  if (!parsed.success) return null;
  return (
    <div
      className="rounded-md border border-zinc-200 p-2 dark:border-zinc-700"
      data-testid="connection-url-preview"
    >
      <p className="mb-1 text-sm font-medium">Resolved URLs</p>
      <ConnectionEndpoints endpoints={connectionEndpoints(parsed.data)} />
    </div>
  );
}
