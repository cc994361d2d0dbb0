"use client";

import { useFormContext, useWatch } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { GITHUB_FILTERS, type TemplateInput, type TemplateKind } from "@/lib/federated/schemas";
import {
  buildFromTemplate,
  defaultTemplate,
  detectTemplate,
  GITHUB_FILTER_LABELS,
  TEMPLATE_LABELS,
} from "@/lib/federated/templates";
import { errorAt, withTemplate, type CredentialFormValues } from "./form-values";

/** The template's inputs with blanks shown as <placeholders>, for the preview while typing. */
function preview(template: TemplateInput): string | null {
  const or = (value: string, name: string) => value.trim() || `<${name}>`;
  switch (template.kind) {
    case "github-actions":
      return (
        buildFromTemplate({
          ...template,
          owner: or(template.owner, "owner"),
          repo: or(template.repo, "repo"),
          value: or(template.value, template.filter),
        })?.subject ?? null
      );
    case "gitlab-ci":
      return (
        buildFromTemplate({
          ...template,
          projectPath: or(template.projectPath, "group/project"),
          ref: or(template.ref, template.refType),
        })?.subject ?? null
      );
    case "kubernetes":
      return (
        buildFromTemplate({
          ...template,
          namespace: or(template.namespace, "namespace"),
          serviceAccount: or(template.serviceAccount, "service-account"),
        })?.subject ?? null
      );
    case "other":
      return null;
  }
}

/** Template choice and its simple inputs, or the raw issuer and subject for "Other issuer". */
export function TemplateFields() {
  const { register, control, setValue, getValues, formState } = useFormContext<CredentialFormValues>();
  const template = useWatch({ control, name: "template" });
  const errors = formState.errors;

  const choose = (kind: TemplateKind) => {
    const current = withTemplate(getValues());
    if (kind === "other") {
      // Keep what the template built, now as editable fields.
      setValue("issuer", current.issuer);
      setValue("subject", current.subject);
      setValue("template", { kind });
      return;
    }
    const detected = detectTemplate(current.issuer, current.subject);
    setValue("template", detected.kind === kind ? detected : defaultTemplate(kind));
  };

  const built = preview(template);
  return (
    <fieldset className="space-y-3 rounded-md border border-zinc-200 p-3 dark:border-zinc-700">
      <legend className="px-1 text-sm font-medium">Who may exchange tokens</legend>
      <Field
        label="Template"
        hint="Builds the issuer and the exact subject from what you know about the pipeline."
      >
        <Select value={template.kind} onChange={(e) => choose(e.target.value as TemplateKind)}>
          {(Object.keys(TEMPLATE_LABELS) as TemplateKind[]).map((kind) => (
            <option key={kind} value={kind}>
              {TEMPLATE_LABELS[kind]}
            </option>
          ))}
        </Select>
      </Field>
      {template.kind === "other" ? (
        <>
          <Field
            label="Issuer"
            error={errorAt(errors, "issuer")}
            hint="The exact iss of the tokens: https://, usually without a trailing slash."
          >
            <Input
              spellCheck={false}
              placeholder="https://login.example.com/tenant/v2.0"
              {...register("issuer")}
            />
          </Field>
          <Field
            label="Subject"
            error={errorAt(errors, "subject")}
            hint="Must equal the token's sub exactly: no wildcards."
          >
            <Input spellCheck={false} {...register("subject")} />
          </Field>
        </>
      ) : (
        <>
          <Field
            label={
              template.kind === "gitlab-ci"
                ? "GitLab instance URL (issuer)"
                : template.kind === "kubernetes"
                  ? "Cluster issuer URL"
                  : "Issuer"
            }
            error={errorAt(errors, "template.issuer")}
          >
            <Input spellCheck={false} {...register("template.issuer")} />
          </Field>
          {template.kind === "github-actions" ? (
            <div className="grid gap-3 sm:grid-cols-2">
              <Field label="Owner" error={errorAt(errors, "template.owner")}>
                <Input spellCheck={false} placeholder="contoso" {...register("template.owner")} />
              </Field>
              <Field label="Repository" error={errorAt(errors, "template.repo")}>
                <Input spellCheck={false} placeholder="robots" {...register("template.repo")} />
              </Field>
              <Field label="Trigger">
                <Select {...register("template.filter")}>
                  {GITHUB_FILTERS.map((f) => (
                    <option key={f} value={f}>
                      {GITHUB_FILTER_LABELS[f]}
                    </option>
                  ))}
                </Select>
              </Field>
              {template.filter !== "pull_request" ? (
                <Field
                  label={GITHUB_FILTER_LABELS[template.filter]}
                  error={errorAt(errors, "template.value")}
                >
                  <Input spellCheck={false} {...register("template.value")} />
                </Field>
              ) : null}
            </div>
          ) : null}
          {template.kind === "gitlab-ci" ? (
            <div className="grid gap-3 sm:grid-cols-3">
              <Field label="Project path" error={errorAt(errors, "template.projectPath")}>
                <Input spellCheck={false} placeholder="group/project" {...register("template.projectPath")} />
              </Field>
              <Field label="Ref type">
                <Select {...register("template.refType")}>
                  <option value="branch">Branch</option>
                  <option value="tag">Tag</option>
                </Select>
              </Field>
              <Field label="Ref" error={errorAt(errors, "template.ref")}>
                <Input spellCheck={false} {...register("template.ref")} />
              </Field>
            </div>
          ) : null}
          {template.kind === "kubernetes" ? (
            <div className="grid gap-3 sm:grid-cols-2">
              <Field label="Namespace" error={errorAt(errors, "template.namespace")}>
                <Input spellCheck={false} placeholder="batch" {...register("template.namespace")} />
              </Field>
              <Field label="Service account" error={errorAt(errors, "template.serviceAccount")}>
                <Input
                  spellCheck={false}
                  placeholder="uipath-runner"
                  {...register("template.serviceAccount")}
                />
              </Field>
            </div>
          ) : null}
          <div className="text-sm">
            <p className="font-medium">Subject that will be matched (exactly)</p>
            <code
              data-testid="subject-preview"
              className="mt-1 block rounded bg-zinc-100 px-2 py-1 font-mono text-xs break-all dark:bg-zinc-800"
            >
              {built}
            </code>
            {errorAt(errors, "subject") ? (
              <p className="mt-1 text-xs font-medium text-red-700 dark:text-red-400">
                {errorAt(errors, "subject")}
              </p>
            ) : null}
          </div>
        </>
      )}
    </fieldset>
  );
}
