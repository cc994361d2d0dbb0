import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  hasHiddenCharacters,
  listHiddenCharacters,
  revealHiddenCharacters,
  segmentHiddenCharacters,
} from "./hidden-characters";

const BIDI = [
  "\u202a",
  "\u202b",
  "\u202c",
  "\u202d",
  "\u202e",
  "\u2066",
  "\u2067",
  "\u2068",
  "\u2069",
  "\u200e",
  "\u200f",
  "\u061c",
];
const ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"];

describe("hidden characters", () => {
  it.each([...BIDI, ...ZERO_WIDTH])("finds and marks U+%s", (char) => {
    const text = `pay${char}pal`;
    expect(hasHiddenCharacters(text)).toBe(true);
    const label = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
    expect(revealHiddenCharacters(text)).toBe(`pay⟨${label}⟩pal`);
    expect(segmentHiddenCharacters(text)).toEqual([
      { kind: "text", text: "pay" },
      expect.objectContaining({ kind: "hidden", codePoint: label, char }),
      { kind: "text", text: "pal" },
    ]);
  });

  it("names them, each once", () => {
    expect(listHiddenCharacters("a\u202eb\u202ec\u200b")).toEqual([
      "U+202E RIGHT-TO-LEFT OVERRIDE",
      "U+200B ZERO WIDTH SPACE",
    ]);
    expect(listHiddenCharacters("tab\there")).toEqual(["U+0009 CONTROL CHARACTER"]);
  });

  it("leaves ordinary text of any script alone", () => {
    for (const text of [
      "CN=idp.example.com, O=Example",
      "Łódź ünïcode",
      "שלום עולם",
      "مرحبا",
      "日本語",
      "emoji 🔐 👩‍💻".replace("\u200d", ""),
      "",
    ]) {
      expect(hasHiddenCharacters(text)).toBe(false);
      expect(revealHiddenCharacters(text)).toBe(text);
      expect(segmentHiddenCharacters(text)).toEqual(text ? [{ kind: "text", text }] : []);
    }
    expect(hasHiddenCharacters(null)).toBe(false);
  });

  it("keeps every visible character, in order, whatever the input", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        const segments = segmentHiddenCharacters(text);
        expect(segments.map((s) => (s.kind === "text" ? s.text : s.char)).join("")).toBe(text);
        const revealed = revealHiddenCharacters(text);
        expect(hasHiddenCharacters(revealed)).toBe(false);
        for (const s of segments) if (s.kind === "text") expect(hasHiddenCharacters(s.text)).toBe(false);
      }),
    );
  });
});
