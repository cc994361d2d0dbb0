"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import type { signInSchema } from "@/lib/users/schemas";

// One message for unknown users, wrong passwords and disabled accounts: the form must not
// reveal which accounts exist.
const MESSAGES: Record<string, string> = {
  CredentialsSignin: "The username or password is not right. Check both and try again.",
  Throttled:
    "Too many failed attempts for this username. Wait 15 minutes, or ask an admin to check the account.",
  AccessDenied:
    "Your single sign-on account is not allowed in Trustdeck, or it has been disabled. Ask an admin.",
  SessionRequired: "Sign in to continue.",
};
// The shared sign-in schema (and zod with it) loads on the first submit, not with the page; a
// two-field form needs no form library either (first-load JavaScript budget).
const loadSignInSchema = () =>
  Promise.all([import("@/components/ui/zod-resolver"), import("@/lib/users/schemas")]).then(
    ([, schemas]) => schemas.signInSchema,
  );

type FieldErrors = Partial<Record<keyof z.input<typeof signInSchema>, string>>;

// next-auth's client loads when it is used (first-load JavaScript budget).
const signIn: (typeof import("next-auth/react"))["signIn"] = async (...args) =>
  (await import("next-auth/react")).signIn(...args);

const fallback =
  "Sign-in did not work. Try again; if it keeps failing, ask an admin to check the server log.";

export function LoginForm({
  callbackUrl,
  initialError,
  oidc,
}: {
  callbackUrl: string;
  initialError?: string;
  oidc: { name: string } | null;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(
    initialError ? (MESSAGES[initialError] ?? fallback) : null,
  );
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [submitting, setSubmitting] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    setSubmitting(true);
    try {
      const parsed = (await loadSignInSchema()).safeParse({
        username: form.get("username") ?? "",
        password: form.get("password") ?? "",
      });
      if (!parsed.success) {
        const errors: FieldErrors = {};
        for (const issue of parsed.error.issues) {
          const field = issue.path[0] as keyof FieldErrors;
          errors[field] ??= issue.message;
        }
        setFieldErrors(errors);
        return;
      }
      setFieldErrors({});
      const result = await signIn("credentials", {
        redirect: false,
        username: parsed.data.username,
        password: parsed.data.password,
      });
      if (!result || result.error) {
        setError(MESSAGES[result?.error ?? ""] ?? fallback);
        return;
      }
      // Checked again here: the prop is the server's choice, but this is the line that navigates.
      router.replace(safeCallbackPath(callbackUrl));
      router.refresh();
    } catch {
      setError(fallback);
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <div className="space-y-4">
      <noscript>
        <Alert tone="error">
          Trustdeck needs JavaScript to sign in. Allow scripts for this site and reload.
        </Alert>
      </noscript>
      <form method="post" onSubmit={(event) => void onSubmit(event)} className="space-y-4" noValidate>
        <Field label="Username" error={fieldErrors.username}>
          <Input name="username" autoComplete="username" autoFocus />
        </Field>
        <Field label="Password" error={fieldErrors.password}>
          <Input name="password" type="password" autoComplete="current-password" />
        </Field>
        {error ? <Alert tone="error">{error}</Alert> : null}
        <SubmitButton className="w-full" disabled={submitting}>
          {submitting ? "Signing in…" : "Sign in"}
        </SubmitButton>
      </form>
      {oidc ? (
        <Button variant="secondary" className="w-full" onClick={() => signIn("oidc", { callbackUrl })}>
          Sign in with {oidc.name}
        </Button>
      ) : null}
    </div>
  );
}
