"use client";

import { useWatch, type Control } from "react-hook-form";
import { changedDestinationFields, requiredSecretFields } from "@/lib/connections/destination";
import {
  connectionFieldsSchema,
  type ConnectionFormValues,
  type ConnectionInput,
  type ConnectionUpdate,
  type ConnectionUpdateValues,
} from "@/lib/connections/schemas";
import type { ConnectionView } from "@/lib/connections/types";

type FormControl = Control<
  ConnectionFormValues | ConnectionUpdateValues,
  unknown,
  ConnectionInput | ConnectionUpdate
>;

/**
 * Which destination fields (where the stored secrets would be sent) the edit form changes, and
 * whether a required secret is still empty: the server would refuse that edit, so the form says
 * so before submit. Compared as the server compares them, after the same URL resolution.
 */
export function useDestinationChange(
  control: FormControl,
  existing: ConnectionView | undefined,
): { moved: string[]; secretsMissing: boolean } {
  const values: Record<string, unknown> = useWatch({ control });
  if (!existing) return { moved: [], secretsMissing: false };
  const parsed = connectionFieldsSchema.safeParse({ ...values, name: values.name || "preview" });
  const after: Record<string, unknown> = parsed.success ? parsed.data : values;
  const moved = changedDestinationFields(
    existing.vendor,
    { ...existing.settings, baseUrl: existing.baseUrl },
    after,
  );
  const secretsMissing =
    moved.length > 0 &&
    requiredSecretFields(existing.vendor).some((field) => !String(values[field] ?? "").trim());
  return { moved, secretsMissing };
}
