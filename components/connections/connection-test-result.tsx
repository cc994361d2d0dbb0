import { Badge } from "@/components/ui/badge";
import type { ConnectionTestResult } from "@/lib/vendors/contracts";

/** The checks of a connection test, each with what was verified or what to fix. */
export function ConnectionTestResultView({ result }: { result: ConnectionTestResult }) {
  return (
    <div className="space-y-3" aria-live="polite">
      <p className="text-sm font-medium">
        {result.ok ? "The connection works." : "The connection does not work yet."}
      </p>
      <ol className="space-y-2">
        {result.checks.map((check) => (
          <li
            key={check.name}
            className="rounded-md border border-zinc-200 p-2 text-sm dark:border-zinc-700"
            data-testid="connection-check"
          >
            <p className="flex items-center gap-2">
              <Badge tone={check.ok ? "ok" : "danger"}>{check.ok ? "✓ passed" : "✗ failed"}</Badge>
              <span className="font-mono text-xs">{check.name}</span>
            </p>
            {check.url ? <p className="mt-1 font-mono text-xs break-all">{check.url}</p> : null}
            <p className="mt-1">{check.message}</p>
            {check.error ? (
              <p className="mt-1 text-xs text-zinc-500">
                {[
                  check.error.status ? `HTTP ${check.error.status}` : null,
                  check.error.vendorCode ? `code ${check.error.vendorCode}` : null,
                  check.error.requestId ? `request id ${check.error.requestId}` : null,
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
