/** Finds PEM blocks in pasted or uploaded text, however it was mangled on the way. */

/** One `-----BEGIN X-----` block; `body` is the text between the markers (headers removed). */
export interface PemBlock {
  label: string;
  body: string;
  /** `false` when the BEGIN line has no matching END line. */
  complete: boolean;
  /** RFC 1421 headers such as `Proc-Type: 4,ENCRYPTED` (legacy encrypted keys carry them). */
  headers: Record<string, string>;
}

// Markers may sit on their own lines or be run together with the body (newlines stripped by a
// form or a JSON round-trip), so we match them anywhere rather than line by line.
const BEGIN = /-----BEGIN ([A-Z0-9][A-Z0-9 #._-]*?)-----/g;
const END = /-----END ([A-Z0-9][A-Z0-9 #._-]*?)-----/g;

/** Removes a byte-order mark and normalises CRLF / CR line endings to LF. */
export function normaliseText(text: string): string {
  return text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

/** `true` when the text has at least one PEM BEGIN marker. */
export function hasPemMarker(text: string): boolean {
  return /-----BEGIN [A-Z0-9]/.test(text);
}

function splitHeaders(raw: string): { headers: Record<string, string>; body: string } {
  // Headers are `Name: value` lines, and base64 has no colon: most blocks (every certificate) have
  // none, and their body goes to the base64 decoder as it is, which skips whitespace and escapes.
  if (!raw.includes(":")) return { headers: {}, body: raw };
  const headers: Record<string, string> = {};
  const lines = raw.replace(/\\r\\n|\\n/g, "\n").split("\n");
  let index = 0;
  while (index < lines.length && lines[index]!.trim() === "") index++;
  const start = index;
  while (index < lines.length && /^[A-Za-z][A-Za-z0-9-]*:/.test(lines[index]!)) {
    const line = lines[index]!;
    const colon = line.indexOf(":");
    headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
    index++;
  }
  return { headers, body: lines.slice(index === start ? start : index).join("\n") };
}

/**
 * Returns every PEM block in order. A BEGIN without an END before the next BEGIN (or the end of
 * the text) yields a block with `complete: false`; text outside blocks is ignored. Linear in the
 * text: BEGIN and END markers are each found in one pass, then paired with two cursors (searching
 * for an END from every BEGIN would be quadratic on text full of BEGIN lines).
 */
export function scanPemBlocks(text: string): PemBlock[] {
  const begins = [...text.matchAll(BEGIN)];
  const ends = [...text.matchAll(END)];
  let next = 0;
  return begins.map((begin, i) => {
    const label = begin[1]!.trim();
    const from = begin.index + begin[0].length;
    const limit = begins[i + 1]?.index ?? text.length;
    while (next < ends.length && ends[next]!.index < from) next++;
    for (; next < ends.length && ends[next]!.index < limit; next++) {
      const end = ends[next]!;
      if (end[1]!.trim() === label) {
        next++;
        return { label, complete: true, ...splitHeaders(text.slice(from, end.index)) };
      }
    }
    return { label, complete: false, ...splitHeaders(text.slice(from, limit)) };
  });
}
