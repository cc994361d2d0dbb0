// Client-safe and pure: characters that change how text reads without being seen — bidi controls
// that reorder it ("cod.exe" shown as "exe.doc"), zero-width characters that split or join words,
// and control characters — found and named so the UI can show them.

const NAMES: Record<number, string> = {
  0x061c: "ARABIC LETTER MARK",
  0x00ad: "SOFT HYPHEN",
  0x180e: "MONGOLIAN VOWEL SEPARATOR",
  0x200b: "ZERO WIDTH SPACE",
  0x200c: "ZERO WIDTH NON-JOINER",
  0x200d: "ZERO WIDTH JOINER",
  0x200e: "LEFT-TO-RIGHT MARK",
  0x200f: "RIGHT-TO-LEFT MARK",
  0x202a: "LEFT-TO-RIGHT EMBEDDING",
  0x202b: "RIGHT-TO-LEFT EMBEDDING",
  0x202c: "POP DIRECTIONAL FORMATTING",
  0x202d: "LEFT-TO-RIGHT OVERRIDE",
  0x202e: "RIGHT-TO-LEFT OVERRIDE",
  0x2060: "WORD JOINER",
  0x2061: "FUNCTION APPLICATION",
  0x2062: "INVISIBLE TIMES",
  0x2063: "INVISIBLE SEPARATOR",
  0x2064: "INVISIBLE PLUS",
  0x2066: "LEFT-TO-RIGHT ISOLATE",
  0x2067: "RIGHT-TO-LEFT ISOLATE",
  0x2068: "FIRST STRONG ISOLATE",
  0x2069: "POP DIRECTIONAL ISOLATE",
  0xfeff: "ZERO WIDTH NO-BREAK SPACE",
};

/** Bidi controls, zero-width and invisible format characters, and C0/C1 control characters. */
const HIDDEN =
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/u;
const HIDDEN_GLOBAL = new RegExp(HIDDEN.source, "gu");

/** A piece of text: visible characters as they are, or one hidden character, named. */
export type TextSegment =
  { kind: "text"; text: string } | { kind: "hidden"; codePoint: string; name: string; char: string };

/** `U+202E`: how a hidden character is shown. */
export function codePointLabel(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}

function nameOf(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return NAMES[code] ?? "CONTROL CHARACTER";
}

/** Whether `text` holds any character that is invisible or reorders the text around it. */
export function hasHiddenCharacters(text: string | null | undefined): boolean {
  return !!text && HIDDEN.test(text);
}

/** The hidden characters in `text`, each once, as `U+202E RIGHT-TO-LEFT OVERRIDE`. */
export function listHiddenCharacters(text: string | null | undefined): string[] {
  if (!text) return [];
  const seen = new Set<string>();
  for (const match of text.matchAll(HIDDEN_GLOBAL))
    seen.add(`${codePointLabel(match[0])} ${nameOf(match[0])}`);
  return [...seen];
}

/** Split `text` into visible runs and named hidden characters (for the marking component). */
export function segmentHiddenCharacters(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(HIDDEN_GLOBAL)) {
    const index = match.index ?? 0;
    if (index > last) segments.push({ kind: "text", text: text.slice(last, index) });
    segments.push({
      kind: "hidden",
      codePoint: codePointLabel(match[0]),
      name: nameOf(match[0]),
      char: match[0],
    });
    last = index + match[0].length;
  }
  if (last < text.length) segments.push({ kind: "text", text: text.slice(last) });
  return segments;
}

/**
 * `text` with every hidden character replaced by a visible `⟨U+202E⟩`: for plain-text places
 * (titles, attributes, exports, logs) where a component cannot be used.
 */
export function revealHiddenCharacters(text: string): string {
  return text.replace(HIDDEN_GLOBAL, (char) => `⟨${codePointLabel(char)}⟩`);
}
