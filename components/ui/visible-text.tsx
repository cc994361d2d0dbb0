import { segmentHiddenCharacters } from "@/lib/text/hidden-characters";

/**
 * Text from outside (certificate subjects, names, audit details) with every bidi-control,
 * zero-width or control character shown as a visible `⟨U+202E⟩` mark named in its tooltip,
 * so reordered or split look-alike text cannot pass for what it imitates.
 */
export function VisibleText({ text }: { text: string | null | undefined }) {
  if (!text) return null;
  const segments = segmentHiddenCharacters(text);
  if (segments.length === 1 && segments[0]!.kind === "text") return text;
  return (
    <span className="[unicode-bidi:isolate]">
      {segments.map((segment, index) =>
        segment.kind === "text" ? (
          segment.text
        ) : (
          <mark
            key={index}
            data-hidden-character={segment.codePoint}
            title={`Hidden character: ${segment.codePoint} ${segment.name}`}
            className="mx-px rounded bg-amber-200 px-0.5 font-mono text-[0.75em] text-amber-950 dark:bg-amber-800 dark:text-amber-50"
          >
            ⟨{segment.codePoint}⟩
          </mark>
        ),
      )}
    </span>
  );
}
