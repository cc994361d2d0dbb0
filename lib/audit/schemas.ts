import { z } from "zod";
import { AUDIT_OUTCOMES } from "@/lib/db/schema";
import { maxLength } from "@/lib/text/limits";

// A filter that is too long or of the wrong shape (a repeated parameter) is dropped, not an error page.
const optionalText = z
  .string()
  .trim()
  .max(...maxLength("filter", 200))
  .optional()
  .transform((v) => v || undefined)
  .catch(undefined);

const optionalDate = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (!v) return undefined;
    const date = new Date(v);
    if (Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: "custom", message: "Enter a valid date." });
      return z.NEVER;
    }
    return date;
  });

/** The audit page's filters, parsed from the URL's search parameters. */
export const auditFilterSchema = z.object({
  actor: optionalText,
  action: optionalText,
  target: optionalText,
  outcome: z.enum(AUDIT_OUTCOMES).optional().catch(undefined),
  from: optionalDate.catch(undefined),
  to: optionalDate.catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
export type AuditFilter = z.output<typeof auditFilterSchema>;
