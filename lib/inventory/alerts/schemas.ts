import { z } from "zod";
import { maxLength } from "@/lib/text/limits";
import { VENDORS } from "@/lib/vendors/descriptors";

/** A threshold: days left (1–365) or "expired". */
export const thresholdSchema = z.union([
  z.literal("expired"),
  z.coerce.number().int().min(1, "At least 1 day.").max(365, "At most 365 days."),
]);
export type Threshold = z.output<typeof thresholdSchema>;

/** The defaults the issue asks for: 60, 30 and 7 days, and expired. */
export const DEFAULT_THRESHOLDS: Threshold[] = [60, 30, 7, "expired"];

const optionalText = (field: string, max: number) =>
  z
    .string()
    .trim()
    .max(...maxLength(field, max))
    .optional()
    .transform((v) => (v ? v : undefined));

/**
 * An alert rule as the form edits it and the action stores it. The webhook secret is write-only:
 * empty on edit keeps the stored one.
 */
export const alertRuleInputSchema = z
  .object({
    id: z.uuid().optional(),
    name: z
      .string()
      .trim()
      .min(1, "Give the rule a name.")
      .max(...maxLength("rule name", 100)),
    enabled: z.boolean().default(true),
    thresholds: z.array(thresholdSchema).min(1, "Pick at least one threshold.").max(8),
    scopeVendor: z.enum(VENDORS).optional(),
    scopeConnectionId: z
      .uuid()
      .optional()
      .or(z.literal("").transform(() => undefined)),
    scopeSetId: optionalText("set ID", 200),
    channel: z.enum(["in-app", "webhook"]),
    webhookUrl: optionalText("webhook URL", 2048),
    webhookFormat: z.enum(["json", "slack"]).default("json"),
    webhookSecret: z
      .string()
      .max(...maxLength("webhook secret", 200))
      .optional(),
  })
  .superRefine((rule, ctx) => {
    if (rule.channel !== "webhook") return;
    if (
      !rule.webhookUrl ||
      !URL.canParse(rule.webhookUrl) ||
      !/^https?:$/.test(new URL(rule.webhookUrl).protocol)
    ) {
      ctx.addIssue({ code: "custom", path: ["webhookUrl"], message: "Enter the webhook's https:// URL." });
    }
    if (rule.scopeSetId && !rule.scopeConnectionId)
      ctx.addIssue({ code: "custom", path: ["scopeSetId"], message: "A set scope needs its connection." });
  });
export type AlertRuleInput = z.input<typeof alertRuleInputSchema>;
export type AlertRule = z.output<typeof alertRuleInputSchema>;

/** Input of "send test" and "delete rule". */
export const alertRuleIdSchema = z.object({ id: z.uuid() });

/** Input of "mark notifications read". */
export const notificationsReadSchema = z.object({ ids: z.array(z.number().int()).max(500) });
