// Explanations for a claim that does not equal what a credential expects. UiPath only says "no";
// these say how far off the token is, which is usually a case, a slash or the wrong ref kind.

const code = (value: string) => `“${value}”`;

/** Why `actual` (from the token) is not `expected` (from the credential), in one sentence. */
export function explainMismatch(claim: "iss" | "sub" | "aud", actual: string, expected: string): string {
  if (actual.trim() === expected.trim())
    return `${claim} differs only by spaces or line breaks at either end: the token says ${code(actual)}, the credential expects ${code(expected)}.`;
  if (actual.toLowerCase() === expected.toLowerCase())
    return `${claim} differs only in case: the token says ${code(actual)}, the credential expects ${code(expected)}.`;
  if (claim !== "sub") {
    const bare = (v: string) => v.replace(/\/+$/, "");
    if (bare(actual) === bare(expected))
      return `${claim} differs only by a trailing slash: the token says ${code(actual)}, the credential expects ${code(expected)}.`;
    if (bare(actual).toLowerCase() === bare(expected).toLowerCase())
      return `${claim} differs in case and by a trailing slash: the token says ${code(actual)}, the credential expects ${code(expected)}.`;
    const scheme = (v: string) => v.replace(/^https?:\/\//i, "");
    if (scheme(actual) === scheme(expected))
      return `${claim} differs only in its scheme (http vs https): the token says ${code(actual)}, the credential expects ${code(expected)}.`;
  }
  if (claim === "sub") {
    const detail = segmentDifference(actual, expected);
    if (detail) return detail;
  }
  return `The token says ${claim} ${code(actual)}, the credential expects ${code(expected)}.`;
}

/**
 * Subjects are colon-separated (repo:o/r:ref:refs/heads/main). When both share a leading part,
 * name only the parts that differ: "token says ref:refs/heads/main, credential expects environment:prod".
 */
function segmentDifference(actual: string, expected: string): string | undefined {
  const a = actual.split(":");
  const e = expected.split(":");
  let shared = 0;
  while (shared < a.length && shared < e.length && a[shared] === e[shared]) shared += 1;
  if (shared === 0) return undefined;
  const prefix = a.slice(0, shared).join(":");
  const restA = a.slice(shared).join(":");
  const restE = e.slice(shared).join(":");
  if (!restA) return `sub stops early: after ${code(prefix)} the credential expects ${code(restE)} as well.`;
  if (!restE)
    return `sub has more than the credential expects: after ${code(prefix)} the token adds ${code(restA)}.`;
  const caseOnly = restA.toLowerCase() === restE.toLowerCase() ? " (only the case differs)" : "";
  return `sub matches up to ${code(`${prefix}:`)}, then the token says ${code(restA)}, the credential expects ${code(restE)}${caseOnly}.`;
}

/** Why none of the token's audiences is the credential's audience. */
export function explainAudience(audiences: readonly string[], expected: string): string {
  if (audiences.length === 0) return `The token has no aud claim; the credential expects ${code(expected)}.`;
  if (audiences.length === 1) return explainMismatch("aud", audiences[0]!, expected);
  const near = audiences.find(
    (a) => a.toLowerCase().replace(/\/+$/, "") === expected.toLowerCase().replace(/\/+$/, ""),
  );
  if (near) return explainMismatch("aud", near, expected);
  return `None of the token's ${audiences.length} audiences (${audiences.map(code).join(", ")}) is ${code(expected)}.`;
}
