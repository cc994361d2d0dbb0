import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { getEnv } from "@/lib/env";

export const metadata: Metadata = { title: "No Trustdeck role" };
// The IdP name comes from the runtime settings, not from the build.
export const dynamic = "force-dynamic";

/**
 * Where single sign-on sends a user whose IdP claims map to no Trustdeck role. Anyone can open
 * this page, so it names no group and no role: the role map would tell an outsider which IdP
 * groups are worth getting into.
 */
export default function SsoRefusedPage() {
  const env = getEnv();
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-md rounded-lg border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
        <h1 className="mb-4 text-xl font-semibold">No access to Trustdeck</h1>
        <Alert tone="error">
          Your account at {env.OIDC_NAME} has no Trustdeck role. Ask a Trustdeck administrator for access.
        </Alert>
        <p className="mt-5 text-sm text-zinc-600 dark:text-zinc-400">
          Once you have been given access, sign in again.{" "}
          <Link href="/login" className="underline">
            Back to sign-in
          </Link>
        </p>
      </div>
    </main>
  );
}
