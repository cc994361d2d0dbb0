import { Fragment } from "react";

/** Characters after which a long name may wrap: the separators of ids, hosts, paths and URNs. */
const SEPARATORS = /([-_./:@|·])/;

/**
 * Text that wraps after separators ("saml-signing_2026.backup" breaks after "-", "_", ".") rather
 * than mid-word, by placing a `<wbr>` after each one. Pair it with `wrap-anywhere` (CSS
 * overflow-wrap: anywhere) on the container so that a name with no separator still cannot
 * overflow: the browser only breaks mid-word when no separator fits.
 */
export function BreakableText({ text }: { text: string }) {
  const parts = text.split(SEPARATORS);
  return (
    <>
      {parts.map((part, index) =>
        // Odd indices are the separators captured by the split.
        index % 2 === 1 ? (
          <Fragment key={index}>
            {part}
            <wbr />
          </Fragment>
        ) : (
          part
        ),
      )}
    </>
  );
}
