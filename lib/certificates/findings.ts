// Client-safe: every finding about a certificate — lib/x509's (time, algorithms, policy) plus the
// ones that need text rules from outside lib/x509 (hidden characters in names).
import { certificateFindings, type Finding, type FindingContext } from "@/lib/x509/findings";
import type { CertificateSummary } from "@/lib/x509/summary";
import { listHiddenCharacters } from "@/lib/text/hidden-characters";

const ORDER: Record<Finding["severity"], number> = { critical: 0, warning: 1, info: 2 };

/**
 * A warning when the subject, issuer or a subject alternative name holds bidi-control,
 * zero-width or control characters: such a name can read as another (look-alike) in a list.
 */
export function hiddenCharacterFindings(summary: CertificateSummary): Finding[] {
  const places = [
    ["subject", [summary.subject]],
    ["issuer", [summary.issuer]],
    ["subject alternative names", summary.subjectAltNames],
  ] as const;
  const found = places
    .map(([place, texts]) => ({ place, chars: [...new Set(texts.flatMap(listHiddenCharacters))] }))
    .filter(({ chars }) => chars.length > 0);
  if (found.length === 0) return [];
  const where = found.map(({ place, chars }) => `${place} (${chars.join(", ")})`).join("; ");
  return [
    {
      code: "HIDDEN_CHARACTERS",
      severity: "warning",
      message: `Invisible or text-reordering characters in the ${where}: the name may imitate another. They are shown as ⟨U+…⟩ marks.`,
    },
  ];
}

/** `certificateFindings` plus the hidden-character check, most severe first. */
export function allCertificateFindings(summary: CertificateSummary, context: FindingContext): Finding[] {
  return [...certificateFindings(summary, context), ...hiddenCharacterFindings(summary)]
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => ORDER[a.finding.severity] - ORDER[b.finding.severity] || a.index - b.index)
    .map(({ finding }) => finding);
}
