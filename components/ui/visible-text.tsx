import { segmentHiddenCharacters } from "@/lib/text/hidden-characters";
import { BreakableText } from "./breakable-text";

/**
 * Text from outside (certificate subjects, names, audit details) with every bidi-control,
 * zero-width or control character shown as a visible `⟨U+202E⟩` mark named in its tooltip,
 * so reordered or split look-alike text cannot pass for what it imitates. Long names wrap after
 * their separators (`<wbr>`), and mid-word only where no separator fits (overflow-wrap: anywhere),
 * so a long name never widens its table or the page.
 */
export function VisibleText({ text }: { text: string | null | undefined }) {
  if (!text) return null;
  const segments = segmentHiddenCharacters(text);
  return (
    <span className="wrap-anywhere [unicode-bidi:isolate]">
      {segments.map((segment, index) =>
        segment.kind === "text" ? (
          <BreakableText key={index} text={segment.text} />
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
