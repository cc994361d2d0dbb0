"use client";

import { zodResolver } from "@/components/ui/zod-resolver";
import { useState } from "react";
import { useForm, useWatch, type FieldPath } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import type { ActionResult } from "@/lib/auth/action-result";
import { VENDOR_LABELS, VENDORS } from "@/lib/vendors/descriptors";
import type { AlertRuleView } from "@/lib/inventory/alerts/types";
import {
  alertRuleInputSchema,
  DEFAULT_THRESHOLDS,
  type AlertRule,
  type AlertRuleInput,
} from "@/lib/inventory/alerts/schemas";
import { useSessionEnded } from "@/components/shell/session-ended";

const THRESHOLD_CHOICES = [
  { value: "60", label: "60 days" },
  { value: "30", label: "30 days" },
  { value: "7", label: "7 days" },
  { value: "expired", label: "Expired" },
];

/** The form's values; thresholds are checkbox strings until the shared schema parses them. */
function initial(rule?: AlertRuleView): AlertRuleInput {
  if (!rule)
    return {
      name: "",
      enabled: true,
      thresholds: DEFAULT_THRESHOLDS.map(String),
      channel: "in-app",
      webhookFormat: "json",
    };
  return {
    id: rule.id,
    name: rule.name,
    enabled: rule.enabled,
    thresholds: rule.thresholds.map(String),
    scopeVendor: rule.scopeVendor ?? undefined,
    scopeConnectionId: rule.scopeConnectionId ?? "",
    scopeSetId: rule.scopeSetId ?? "",
    channel: rule.channel,
    webhookUrl: rule.webhookUrl ?? "",
    webhookFormat: rule.webhookFormat ?? "json",
  };
}

/** Add or edit an alert rule. The webhook secret is write-only: left empty on edit, the stored one stays. */
export function AlertRuleForm({
  rule,
  connections,
  submit,
  onDone,
}: {
  rule?: AlertRuleView;
  connections: { id: string; name: string }[];
  submit: (values: AlertRuleInput) => Promise<ActionResult<AlertRuleView>>;
  onDone: (message: string) => void;
}) {
  const { register, handleSubmit, control, setError, formState } = useForm<
    AlertRuleInput,
    unknown,
    AlertRule
  >({
    resolver: zodResolver(alertRuleInputSchema),
    defaultValues: initial(rule),
  });
  const [serverError, setServerError] = useState<string | null>(null);
  const reportSessionEnded = useSessionEnded();
  const channel = useWatch({ control, name: "channel" });
  const errors = formState.errors;

  const onSubmit = handleSubmit(async (values) => {
    setServerError(null);
    const result = await submit(values);
    if (result.ok) return onDone(result.message ?? "Saved.");
    reportSessionEnded(result); // the dialog then offers to sign in again; the form keeps its values
    for (const [field, messages] of Object.entries(result.fieldErrors ?? {}))
      if (messages?.[0]) setError(field as FieldPath<AlertRuleInput>, { message: messages[0] });
    setServerError(result.message);
  });

  return (
    <form method="post" onSubmit={onSubmit} className="space-y-4" noValidate>
      <Field label="Name" error={errors.name?.message}>
        <Input {...register("name")} />
      </Field>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">Alert when a certificate reaches</legend>
        <div className="flex flex-wrap gap-4">
          {THRESHOLD_CHOICES.map((t) => (
            <label key={t.value} className="flex items-center gap-1.5 text-sm">
              <input type="checkbox" value={t.value} {...register("thresholds")} /> {t.label}
            </label>
          ))}
        </div>
        {errors.thresholds ? (
          <p className="text-xs font-medium text-red-700">
            {errors.thresholds.message ?? "Check the thresholds."}
          </p>
        ) : null}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Vendor" hint="Empty: every vendor.">
          <Select {...register("scopeVendor", { setValueAs: (v: string) => v || undefined })}>
            <option value="">Any vendor</option>
            {VENDORS.map((v) => (
              <option key={v} value={v}>
                {VENDOR_LABELS[v]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Connection" error={errors.scopeConnectionId?.message}>
          <Select {...register("scopeConnectionId")}>
            <option value="">Any connection</option>
            {connections.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          label="Certificate set id"
          error={errors.scopeSetId?.message}
          hint="Optional; needs a connection."
        >
          <Input {...register("scopeSetId")} />
        </Field>
      </div>
      <Field label="Channel">
        <Select {...register("channel")}>
          <option value="in-app">In-app notification list</option>
          <option value="webhook">Webhook</option>
        </Select>
      </Field>
      {channel === "webhook" ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Webhook URL" error={errors.webhookUrl?.message}>
            <Input type="url" {...register("webhookUrl")} placeholder="https://hooks.example.com/…" />
          </Field>
          <Field label="Body" hint="Slack-compatible works with Slack and Mattermost incoming webhooks.">
            <Select {...register("webhookFormat")}>
              <option value="json">Generic JSON</option>
              <option value="slack">Slack-compatible</option>
            </Select>
          </Field>
          <Field
            label="Signing secret"
            hint={
              rule?.webhookSecretSet
                ? "A secret is set. Leave empty to keep it; type a new one to replace it."
                : "Signs each request: X-Trustdeck-Signature: sha256=HMAC(secret, timestamp.body)."
            }
          >
            <Input type="password" autoComplete="off" {...register("webhookSecret")} />
          </Field>
        </div>
      ) : null}
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" {...register("enabled")} /> Enabled
      </label>
      {serverError ? <Alert tone="error">{serverError}</Alert> : null}
      <div className="flex justify-end">
        <SubmitButton disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Saving…" : "Save rule"}
        </SubmitButton>
      </div>
    </form>
  );
}
