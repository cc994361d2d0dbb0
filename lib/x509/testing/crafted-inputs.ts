// Test and bench helpers: text inputs crafted to make a naive scanner (regexes with lazy or nested
// quantifiers, rescans from every match) take time quadratic in their size.

const repeat = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

/** Builders of crafted inputs of (about) `size` characters, by what they target. */
export const CRAFTED_FAMILIES: Record<string, (size: number) => string> = {
  "BEGIN markers, no END": (size) => repeat("-----BEGIN CERTIFICATE-----\nAAAA\n", size),
  "BEGIN labels never closed": (size) => repeat("-----BEGIN A", size),
  "one BEGIN, then END markers of another label": (size) =>
    "-----BEGIN CERTIFICATE-----\n" + repeat("-----END X509 CRL-----\n", size),
  dashes: (size) => repeat("-", size),
  "BEGIN then one long label": (size) => "-----BEGIN " + repeat("A", size),
  "XML openings, no closing": (size) => repeat("<ds:X509Certificate>", size),
  "XML prefix-like words": (size) => repeat("<" + "a".repeat(50), size),
  "base64 without padding": (size) => repeat("QUJD", size),
  "base64 with an early bad character": (size) => "!" + repeat("QUJD", size),
  "hex starting like DER": (size) => "30" + repeat("00", size),
  "whitespace and colons": (size) => repeat(" :\n", size),
  "JSON-like nesting": (size) => repeat("[", size),
  "JWT-like dots": (size) => repeat("ab.", size),
  "escaped newlines": (size) => "-----BEGIN CERTIFICATE-----" + repeat("\\n", size),
};
