import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { Finding, FindingSeverity } from "@/lib/x509/findings";

const SEVERITY: Record<FindingSeverity, { label: string; tone: BadgeTone }> = {
  critical: { label: "Critical", tone: "danger" },
  warning: { label: "Warning", tone: "warning" },
  info: { label: "Info", tone: "info" },
};

/** Findings, most severe first; the severity is written out, colour only reinforces it. */
export function CertificateFindings({ findings }: { findings: Finding[] }) {
  if (findings.length === 0)
    return <p className="text-sm text-zinc-600 dark:text-zinc-400">No findings: nothing needs attention.</p>;
  return (
    <ul className="space-y-2">
      {findings.map((finding) => (
        <li
          key={finding.code}
          className="flex items-start gap-2 text-sm text-zinc-800 dark:text-zinc-200"
          data-finding={finding.code}
        >
          <Badge tone={SEVERITY[finding.severity].tone} className="shrink-0">
            {SEVERITY[finding.severity].label}
          </Badge>
          <span>{finding.message}</span>
        </li>
      ))}
    </ul>
  );
}
