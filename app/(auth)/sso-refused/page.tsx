import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { getEnv } from "@/lib/env";

export const metadata: Metadata = { title: "No Trustdeck role" };
// The IdP name and the groups come from the runtime settings, not from the build.
export const dynamic = "force-dynamic";

/** Where single sign-on sends a user whose IdP claims map to no Trustdeck role. */
export default function SsoRefusedPage() {
  const env = getEnv();
  const groups = [...env.OIDC_ROLE_MAP];
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-md rounded-lg border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
        <h1 className="mb-4 text-xl font-semibold">No access to Trustdeck</h1>
        <Alert tone="error">
          Your account at {env.OIDC_NAME} has no Trustdeck role; ask an administrator to add you to one of:
        </Alert>
        <ul className="mt-3 list-disc space-y-1 pl-6 text-sm" aria-label="Groups that give a Trustdeck role">
          {groups.map(([value, role]) => (
            <li key={value}>
              <code>{value}</code> <span className="text-zinc-600 dark:text-zinc-400">({role})</span>
            </li>
          ))}
        </ul>
        <p className="mt-5 text-sm text-zinc-600 dark:text-zinc-400">
          Once you are in one of them, sign in again.{" "}
          <Link href="/login" className="underline">
            Back to sign-in
          </Link>
        </p>
      </div>
    </main>
  );
}
