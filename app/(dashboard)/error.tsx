"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** A page failed on the server: say so, keep the shell, and offer a retry. Details stay in the server log. */
export default function DashboardError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div className="space-y-3">
      <Alert tone="error" title="This page could not be loaded">
        The server hit an error. Nothing was changed. Try again; if it keeps failing, give an admin this
        reference: {error.digest ?? "none"}.
      </Alert>
      <Button onClick={reset}>Try again</Button>
    </div>
  );
}
