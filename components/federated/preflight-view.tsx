import { Badge } from "@/components/ui/badge";
import type { PreflightResult } from "@/lib/federated/types";

const LABELS = {
  discovery: "discovery document",
  issuer: "issuer matches",
  jwks: "JWKS",
  rs256: "RS256 keys",
} as const;

/** The issuer preflight, step by step: what was verified, or exactly what failed. */
export function PreflightView({ result }: { result: PreflightResult }) {
  return (
    <div className="space-y-1 text-sm" data-testid="preflight-result" aria-live="polite">
      <p className="font-medium">{result.ok ? "Issuer preflight passed" : "Issuer preflight failed"}</p>
      <ol className="space-y-1">
        {result.checks.map((check) => (
          <li key={check.name} className="flex items-start gap-2">
            <Badge tone={check.ok ? "ok" : "danger"} className="mt-0.5 shrink-0">
              {check.ok ? "✓" : "✗"} {LABELS[check.name]}
            </Badge>
            <span className="break-words">{check.message}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
