"use client";

import { useFormContext } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { SELF_APPLICATION_ACKNOWLEDGEMENT, SELF_APPLICATION_WARNING } from "@/lib/federated/self-application";
import { errorAt, type CredentialFormValues } from "./form-values";

/**
 * Shown in the credential form when the application is the one Trustdeck connects with: what a
 * credential there means, and the checkbox without which the server refuses the save.
 */
export function SelfApplicationNotice() {
  const { register, formState } = useFormContext<CredentialFormValues>();
  const error = errorAt(formState.errors, "acknowledgeSelfApplication");
  return (
    <Alert tone="warning" title="Trustdeck's own application" className="space-y-2">
      <p data-testid="self-application-warning">{SELF_APPLICATION_WARNING}</p>
      <label className="mt-2 flex items-start gap-2 font-medium">
        <input
          type="checkbox"
          className="mt-0.5"
          aria-invalid={error ? true : undefined}
          {...register("acknowledgeSelfApplication")}
        />
        <span>{SELF_APPLICATION_ACKNOWLEDGEMENT}</span>
      </label>
      {error ? (
        <p role="alert" className="text-red-800 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </Alert>
  );
}
