import { Badge } from "@/components/ui/badge";
import type { LintFinding } from "@/lib/federated/lint";

/** The lint findings under the form, errors first, each a sentence. */
export function LintList({ findings }: { findings: LintFinding[] }) {
  if (findings.length === 0) return null;
  return (
    <div className="space-y-1" aria-live="polite">
      <p className="text-sm font-medium">Before you save</p>
      <ul className="space-y-1" data-testid="lint-findings">
        {findings.map((f, i) => (
          <li key={`${f.code}-${f.field}-${i}`} className="flex items-start gap-2 text-sm" data-code={f.code}>
            <Badge tone={f.severity === "error" ? "danger" : "warning"} className="mt-0.5 shrink-0">
              {f.severity === "error" ? "must fix" : "check"}
            </Badge>
            <span>{f.message}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
