"use client";

import { zodResolver } from "@/components/ui/zod-resolver";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import type { ActionResult } from "@/lib/auth/action-result";
import { ROLE_DESCRIPTIONS, ROLES } from "@/lib/auth/roles";
import {
  createUserSchema,
  MIN_PASSWORD_LENGTH,
  type CreateUserFormValues,
  type CreateUserInput,
} from "@/lib/users/schemas";
import { useSessionEnded } from "@/components/shell/session-ended";

export function CreateUserForm({
  submit,
  onDone,
}: {
  submit: (values: CreateUserFormValues) => Promise<ActionResult<unknown>>;
  onDone: (message: string) => void;
}) {
  const { register, handleSubmit, setError, formState } = useForm<
    CreateUserFormValues,
    unknown,
    CreateUserInput
  >({
    resolver: zodResolver(createUserSchema),
    defaultValues: { username: "", displayName: "", role: "viewer", password: "" },
  });
  const [serverError, setServerError] = useState<string | null>(null);
  const reportSessionEnded = useSessionEnded();
  const onSubmit = handleSubmit(async (values) => {
    setServerError(null);
    const result = await submit(values);
    if (result.ok) return onDone(result.message ?? "User created.");
    reportSessionEnded(result); // the dialog then offers to sign in again; the form keeps its values
    for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
      if (messages?.[0]) setError(field as keyof CreateUserFormValues, { message: messages[0] });
    }
    setServerError(result.message);
  });
  return (
    <form method="post" onSubmit={onSubmit} className="space-y-4" noValidate>
      <Field label="Username" error={formState.errors.username?.message}>
        <Input autoComplete="off" {...register("username")} />
      </Field>
      <Field label="Display name" error={formState.errors.displayName?.message}>
        <Input autoComplete="off" {...register("displayName")} />
      </Field>
      <Field label="Role" error={formState.errors.role?.message}>
        <Select {...register("role")}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {role} — {ROLE_DESCRIPTIONS[role]}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label="Initial password"
        error={formState.errors.password?.message}
        hint={`At least ${MIN_PASSWORD_LENGTH} characters. Share it with the person out of band.`}
      >
        <Input type="password" autoComplete="new-password" {...register("password")} />
      </Field>
      {serverError ? <Alert tone="error">{serverError}</Alert> : null}
      <div className="flex justify-end">
        <SubmitButton disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Creating…" : "Create user"}
        </SubmitButton>
      </div>
    </form>
  );
}
