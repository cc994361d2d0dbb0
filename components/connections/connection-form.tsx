"use client";

import { zodResolver } from "@/components/ui/zod-resolver";
import { Fragment, useState } from "react";
import { useForm, useWatch, type DefaultValues, type FieldPath } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import type { ActionResult } from "@/lib/auth/action-result";
import type { ConnectionView } from "@/lib/connections/types";
import { reenterSecretMessage } from "@/lib/connections/destination";
import {
  connectionInputSchema,
  connectionUpdateSchema,
  type ConnectionFormValues,
  type ConnectionInput,
  type ConnectionUpdate,
  type ConnectionUpdateValues,
} from "@/lib/connections/schemas";
import { descriptorOf, VENDOR_LABELS, VENDORS } from "@/lib/vendors/descriptors";
import { connectionFormFields } from "./connection-fields";
import { ConnectionUrlPreview } from "./connection-url-preview";
import { useDestinationChange } from "./use-destination-change";
import { useSessionEnded } from "@/components/shell/session-ended";

/** What the form edits: a new connection's fields, or an existing one's (secrets may stay empty). */
type FormInput = ConnectionFormValues | ConnectionUpdateValues;
type FormOutput = ConnectionInput | ConnectionUpdate;

type ConnectionFormProps = {
  /** The connection being edited; absent when adding one. */
  existing?: ConnectionView;
  submit: (values: FormOutput) => Promise<ActionResult<ConnectionView>>;
  onDone: (message: string) => void;
};

function initialValues(existing?: ConnectionView): DefaultValues<FormInput> {
  if (!existing) return { vendor: VENDORS[0], name: "" };
  return {
    id: existing.id,
    vendor: existing.vendor,
    name: existing.name,
    baseUrl: existing.baseUrl,
    ...existing.settings,
  };
}

/** Add or edit a connection. Secrets are write-only: on edit, an untouched secret stays as stored. */
export function ConnectionForm({ existing, submit, onDone }: ConnectionFormProps) {
  const schema = existing ? connectionUpdateSchema : connectionInputSchema;
  const { register, handleSubmit, control, setError, getFieldState, formState } = useForm<
    FormInput,
    unknown,
    FormOutput
  >({
    resolver: zodResolver(schema),
    defaultValues: initialValues(existing),
  });
  const [serverError, setServerError] = useState<string | null>(null);
  const reportSessionEnded = useSessionEnded();
  const [replacing, setReplacing] = useState<Record<string, boolean>>({});
  const vendor = useWatch({ control, name: "vendor" });
  // The server refuses an edit that moves the secrets elsewhere without them; say so at once.
  const { moved, secretsMissing } = useDestinationChange(control, existing);

  const onSubmit = handleSubmit(async (values) => {
    setServerError(null);
    const result = await submit(values);
    if (result.ok) return onDone(result.message ?? "Saved.");
    reportSessionEnded(result); // the dialog then offers to sign in again; the form keeps its values
    for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
      if (messages?.[0]) setError(field as FieldPath<FormInput>, { message: messages[0] });
    }
    setServerError(result.message);
  });

  return (
    <form method="post" onSubmit={onSubmit} className="space-y-4" noValidate>
      {existing ? (
        <p className="text-sm">
          Vendor: <strong>{VENDOR_LABELS[existing.vendor]}</strong>
        </p>
      ) : (
        <Field label="Vendor" error={formState.errors.vendor?.message}>
          <Select {...register("vendor")}>
            {VENDORS.map((v) => (
              <option key={v} value={v}>
                {VENDOR_LABELS[v]}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Field
        label="Name"
        error={formState.errors.name?.message}
        hint={`How this account appears in Trustdeck, e.g. “${descriptorOf(vendor).shortName} — production org”.`}
      >
        <Input {...register("name")} />
      </Field>
      {connectionFormFields(vendor).map((spec) => {
        const stored = existing?.secretsSet.includes(spec.name);
        if (spec.secret && stored && !replacing[spec.name] && moved.length === 0) {
          return (
            <div key={spec.name} className="space-y-1">
              <p className="text-sm font-medium">{spec.label}</p>
              <p className="flex items-center gap-2 text-sm">
                <Badge tone="ok">set</Badge>
                <span aria-hidden>·</span>
                <Button
                  variant="ghost"
                  size="sm"
                  onClick={() => setReplacing((r) => ({ ...r, [spec.name]: true }))}
                >
                  Replace {spec.label.toLowerCase()}
                </Button>
              </p>
            </div>
          );
        }
        return (
          <Fragment key={`${vendor}-${spec.name}`}>
            <Field
              label={`${spec.label}${spec.optional ? " (optional)" : ""}`}
              hint={spec.hint}
              error={getFieldState(spec.name, formState).error?.message}
            >
              {spec.options ? (
                <Select defaultValue={spec.options[0]?.value} {...register(spec.name)}>
                  {spec.options.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </Select>
              ) : (
                <Input
                  type={spec.secret ? "password" : "text"}
                  autoComplete={spec.secret ? "new-password" : "off"}
                  placeholder={spec.placeholder}
                  spellCheck={false}
                  list={spec.suggestions ? `${vendor}-${spec.name}-suggestions` : undefined}
                  {...register(spec.name)}
                />
              )}
            </Field>
            {spec.suggestions ? (
              <datalist id={`${vendor}-${spec.name}-suggestions`}>
                {spec.suggestions.map((value) => (
                  <option key={value} value={value} />
                ))}
              </datalist>
            ) : null}
          </Fragment>
        );
      })}
      <ConnectionUrlPreview control={control} />
      {existing && secretsMissing ? (
        <Alert tone="warning">{reenterSecretMessage(existing.vendor, moved)}</Alert>
      ) : null}
      {serverError ? <Alert tone="error">{serverError}</Alert> : null}
      <div className="flex justify-end">
        <SubmitButton disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Saving…" : existing ? "Save changes" : "Add connection"}
        </SubmitButton>
      </div>
    </form>
  );
}
