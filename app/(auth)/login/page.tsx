import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { currentActor } from "@/lib/auth/session";
import { getEnv, oidcEnabled } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string; callbackUrl?: string }>;
}) {
  if (await currentActor()) redirect("/");
  const { error, callbackUrl } = await searchParams;
  const env = getEnv();
  // Only same-site paths: anything else would make the login page an open redirect.
  const safeCallback = safeCallbackPath(callbackUrl);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
        <h1 className="text-xl font-semibold">Sign in to Trustdeck</h1>
        <p className="mt-1 mb-5 text-sm text-zinc-600 dark:text-zinc-400">
          SAML certificates and federated credentials, in one place.
        </p>
        <LoginForm
          callbackUrl={safeCallback}
          initialError={error}
          oidc={oidcEnabled(env) ? { name: env.OIDC_NAME } : null}
        />
      </div>
    </main>
  );
}
