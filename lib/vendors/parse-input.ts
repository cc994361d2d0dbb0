import "server-only";

import type { z } from "zod";

import type { Vendor } from "@/lib/connections/schemas";
import { VendorError } from "./errors";

/**
 * Validates an adapter's input with the shared schema. Server actions validate first, so a
 * failure here is a caller bug; it still becomes a `validation` error with field messages
 * rather than a crash, and nothing is sent to the vendor.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  vendor: Vendor,
  operation: string,
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.join(".") || "input";
    (fieldErrors[field] ??= []).push(issue.message);
  }
  throw new VendorError({
    vendor,
    kind: "validation",
    operation,
    retryable: false,
    fieldErrors,
    userMessage: "Some fields are not valid; correct them and try again.",
  });
}
