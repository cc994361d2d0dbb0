"use client";

import { zodResolver } from "@/components/ui/zod-resolver";
import { useMemo, useState } from "react";
import { FormProvider, useForm, useWatch, type FieldPath, type Resolver } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { callWrite, UNSETTLED_CODES } from "@/components/writes/call-write";
import type { ActionResult } from "@/lib/auth/action-result";
import { lintCredential, MAX_DESCRIPTION_LENGTH, MAX_NAME_LENGTH } from "@/lib/federated/lint";
import type { PreflightResult } from "@/lib/federated/types";
import { credentialFormSchema, type CredentialFormOutput } from "@/lib/federated/schemas";
import { SELF_APPLICATION_REFUSAL } from "@/lib/federated/self-application";
import { audienceHint } from "@/lib/federated/templates";
import type { FederatedCredential } from "@/lib/vendors/contracts";
import { errorAt, initialValues, withTemplate, type CredentialFormValues } from "./form-values";
import { LintList } from "./lint-list";
import { PreflightView } from "./preflight-view";
import { SelfApplicationNotice } from "./self-application-notice";
import { TemplateFields } from "./template-fields";
import type { CredentialContext, CredentialWriteActions, SavedCredential } from "./types";
import { useSessionEnded } from "@/components/shell/session-ended";

type CredentialFormProps = {
  context: CredentialContext;
  /** The credential being edited; absent when adding one. */
  existing?: FederatedCredential;
  actions: CredentialWriteActions;
  onDone: (message: string) => void;
  /** Re-read the list behind the form after an outcome that may have changed it. */
  onSettle?: () => void;
};

/** Create or edit a federated credential: template, lint as you type, issuer preflight on save. */
export function CredentialForm({ context, existing, actions, onDone, onSettle }: CredentialFormProps) {
  const resolver = useMemo<Resolver<CredentialFormValues, unknown, CredentialFormOutput>>(() => {
    const base = zodResolver(credentialFormSchema);
    // Validate what will be sent: issuer and subject as the template builds them.
    return (values, ctx, options) => base(withTemplate(values), ctx, options);
  }, []);
  const form = useForm<CredentialFormValues, unknown, CredentialFormOutput>({
    resolver,
    defaultValues: initialValues(context, existing),
  });
  const { register, handleSubmit, control, setError, formState } = form;
  const values = withTemplate(useWatch({ control }) as CredentialFormValues);
  const findings = lintCredential(values, { siblings: context.credentials, selfId: existing?.id });
  const blocking = findings.some((f) => f.severity === "error");
  const [serverError, setServerError] = useState<{ message: string; requestId?: string } | null>(null);
  const reportSessionEnded = useSessionEnded();
  const [preflight, setPreflight] = useState<PreflightResult | null>(null);
  const [checking, setChecking] = useState(false);
  const templated = values.template.kind !== "other";

  const checkIssuer = async () => {
    setChecking(true);
    const result = await actions
      .checkIssuer({ issuer: values.issuer.trim() })
      .finally(() => setChecking(false));
    if (result.ok) setPreflight(result.data);
    else setServerError({ message: result.message });
  };

  const onSubmit = handleSubmit(async (parsed) => {
    setServerError(null);
    if (blocking) return setServerError({ message: "Fix the problems marked “must fix” before saving." });
    // The server refuses it too; asking here first keeps the warning in front of the user.
    if (context.usedByTrustdeck && parsed.acknowledgeSelfApplication !== true)
      return setError("acknowledgeSelfApplication", { message: SELF_APPLICATION_REFUSAL });
    const input = { ...parsed, template: parsed.template.kind === "other" ? undefined : parsed.template };
    const result: ActionResult<SavedCredential> = await callWrite(() =>
      existing ? actions.update({ ...input, credentialId: existing.id }) : actions.create(input),
    );
    if (result.ok) return onDone(result.message ?? "Saved.");
    if (UNSETTLED_CODES.has(result.code)) onSettle?.();
    reportSessionEnded(result); // the dialog then offers to sign in again; the form keeps its values
    for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
      if (!messages?.[0] || field === "form") continue;
      setError(
        field === "issuer" && templated ? "template.issuer" : (field as FieldPath<CredentialFormValues>),
        {
          message: messages[0],
        },
      );
    }
    const formErrors = result.fieldErrors?.form ?? [];
    setServerError({
      message: [result.message, ...formErrors.filter((m) => !result.message.includes(m))].join(" "),
      requestId: result.requestId,
    });
  });

  return (
    <FormProvider {...form}>
      <form method="post" onSubmit={onSubmit} className="space-y-4" noValidate>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Application <strong>{context.appName}</strong> ·{" "}
          <span className="font-mono text-xs">{context.clientId}</span>
        </p>
        {context.usedByTrustdeck ? <SelfApplicationNotice /> : null}
        <Field
          label="Name"
          error={errorAt(formState.errors, "name")}
          hint={`Unique within the application, at most ${MAX_NAME_LENGTH} characters.`}
        >
          <Input placeholder="GitHub Actions — production" {...register("name")} />
        </Field>
        <TemplateFields />
        <Field
          label="Audience"
          error={errorAt(formState.errors, "audience")}
          hint={audienceHint(values.template.kind, values.audience.trim())}
        >
          <Input spellCheck={false} {...register("audience")} />
        </Field>
        <Field
          label="Description (optional)"
          error={errorAt(formState.errors, "description")}
          hint={`At most ${MAX_DESCRIPTION_LENGTH} characters.`}
        >
          <Textarea rows={2} className="font-sans" {...register("description")} />
        </Field>
        <LintList findings={findings} />
        {preflight && preflight.issuer === values.issuer.trim() ? <PreflightView result={preflight} /> : null}
        {serverError ? (
          <Alert tone="error">
            {serverError.message}
            {serverError.requestId ? (
              <span className="block text-xs">UiPath request id {serverError.requestId}</span>
            ) : null}
          </Alert>
        ) : null}
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={checkIssuer} disabled={checking || !values.issuer.trim()}>
            {checking ? "Checking…" : "Check issuer"}
          </Button>
          <SubmitButton disabled={formState.isSubmitting}>
            {formState.isSubmitting
              ? "Checking issuer and saving…"
              : existing
                ? "Save changes"
                : "Add credential"}
          </SubmitButton>
        </div>
      </form>
    </FormProvider>
  );
}
