"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { lazyResolver } from "@/components/ui/lazy-resolver";
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
// The shared sign-in schema (and zod with it) loads on the first submit, not with the page.
const signInResolver = lazyResolver(async () => {
  const [{ zodResolver }, { signInSchema }] = await Promise.all([
    import("@/components/ui/zod-resolver"),
    import("@/lib/users/schemas"),
  ]);
  return zodResolver(signInSchema);
});

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
  const { register, handleSubmit, formState } = useForm<
    z.input<typeof signInSchema>,
    unknown,
    z.output<typeof signInSchema>
  >({
    resolver: signInResolver,
    defaultValues: { username: "", password: "" },
  });

  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    const result = await signIn("credentials", {
      redirect: false,
      username: values.username,
      password: values.password,
    });
    if (!result || result.error) {
      setError(MESSAGES[result?.error ?? ""] ?? fallback);
      return;
    }
    // Checked again here: the prop is the server's choice, but this is the line that navigates.
    router.replace(safeCallbackPath(callbackUrl));
    router.refresh();
  });

  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <Field label="Username" error={formState.errors.username?.message}>
          <Input autoComplete="username" autoFocus {...register("username")} />
        </Field>
        <Field label="Password" error={formState.errors.password?.message}>
          <Input type="password" autoComplete="current-password" {...register("password")} />
        </Field>
        {error ? <Alert tone="error">{error}</Alert> : null}
        <Button type="submit" className="w-full" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Signing in…" : "Sign in"}
        </Button>
      </form>
      {oidc ? (
        <Button variant="secondary" className="w-full" onClick={() => signIn("oidc", { callbackUrl })}>
          Sign in with {oidc.name}
        </Button>
      ) : null}
    </div>
  );
}
