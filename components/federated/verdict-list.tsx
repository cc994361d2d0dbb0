import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ExchangeFailurePoint } from "@/lib/federated/exchange-error";
import type { CheckStatus, CredentialVerdict } from "@/lib/federated/matcher";
import { cn } from "@/lib/cn";
import { VisibleText } from "@/components/ui/visible-text";

const TONES: Record<CheckStatus, BadgeTone> = {
  pass: "ok",
  fail: "danger",
  warn: "warning",
  skip: "neutral",
  pending: "info",
};
const WORDS: Record<CheckStatus, string> = {
  pass: "✓ pass",
  fail: "✗ fail",
  warn: "! check",
  skip: "– skipped",
  pending: "… checking",
};
/** Beyond this many non-matching credentials, the rest are folded away. */
const OPEN_MISSES = 3;

function Verdict({
  verdict,
  highlight,
}: {
  verdict: CredentialVerdict;
  highlight: ExchangeFailurePoint | null;
}) {
  return (
    <div
      data-testid="verdict"
      data-credential={verdict.name}
      data-matches={verdict.matches}
      className="rounded-md border border-zinc-200 p-3 dark:border-zinc-700"
    >
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <Badge tone={verdict.matches ? "ok" : "danger"}>
          {verdict.matches ? "matches" : "does not match"}
        </Badge>
        <strong>
          <VisibleText text={verdict.name} />
        </strong>
        {verdict.failing.length ? (
          <span className="text-xs text-zinc-600 dark:text-zinc-400">
            fails on {verdict.failing.join(", ")}
          </span>
        ) : null}
      </p>
      <ul className="mt-2 space-y-1">
        {verdict.checks.map((check) => (
          <li
            key={check.claim}
            data-claim={check.claim}
            data-status={check.status}
            className={cn(
              "flex items-start gap-2 text-sm",
              highlight === check.claim && "rounded bg-red-50 ring-1 ring-red-300 dark:bg-red-950",
            )}
          >
            <span className="w-10 shrink-0 font-mono text-xs leading-5">{check.claim}</span>
            <Badge tone={TONES[check.status]} className="shrink-0">
              {WORDS[check.status]}
            </Badge>
            <span className="break-words">{check.message}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Every credential's claim-by-claim verdict: matches first, then the nearest misses. */
export function VerdictList({
  verdicts,
  highlight,
}: {
  verdicts: CredentialVerdict[];
  highlight: ExchangeFailurePoint | null;
}) {
  const matches = verdicts.filter((v) => v.matches);
  const misses = verdicts.filter((v) => !v.matches);
  return (
    <div className="space-y-2" aria-live="polite">
      <p className="text-sm font-medium" data-testid="verdict-summary">
        {matches.length
          ? `The token matches ${matches.map((v) => `“${v.name}”`).join(", ")}.`
          : `No credential of this application matches this token${misses[0] ? `; the nearest is “${misses[0].name}” (fails on ${misses[0].failing.join(", ")})` : ""}.`}
      </p>
      {[...matches, ...misses.slice(0, OPEN_MISSES)].map((v) => (
        <Verdict key={v.credentialId} verdict={v} highlight={v.matches ? null : highlight} />
      ))}
      {misses.length > OPEN_MISSES ? (
        <details>
          <summary className="cursor-pointer text-sm text-sky-700 dark:text-sky-400">
            {misses.length - OPEN_MISSES} more credentials that do not match
          </summary>
          <div className="mt-2 space-y-2">
            {misses.slice(OPEN_MISSES).map((v) => (
              <Verdict key={v.credentialId} verdict={v} highlight={highlight} />
            ))}
          </div>
        </details>
      ) : null}
    </div>
  );
}
