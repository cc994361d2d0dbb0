import fc from "fast-check";

// Every way a URL can spell an IPv4 address, and the IPv6 forms that carry one. Used by the
// outbound guard's property tests: each notation of a forbidden address must be refused.

export type V4 = [number, number, number, number];

const radix = fc.constantFrom<"dec" | "oct" | "hex" | "HEX">("dec", "oct", "hex", "HEX");

function spell(value: number, how: "dec" | "oct" | "hex" | "HEX"): string {
  if (how === "oct") return `0${value.toString(8)}`;
  if (how === "hex") return `0x${value.toString(16)}`;
  if (how === "HEX") return `0X${value.toString(16).toUpperCase()}`;
  return String(value);
}

const hex16 = (hi: number, lo: number) => ((hi << 8) | lo).toString(16);

/** inet_aton forms: a.b.c.d, a.b.(16 bits), a.(24 bits), (32 bits); each part in any radix. */
export function ipv4Notation(v4: V4): fc.Arbitrary<string> {
  const [a, b, c, d] = v4;
  const whole = ((a << 24) >>> 0) + (b << 16) + (c << 8) + d;
  return fc
    .tuple(fc.constantFrom(4, 3, 2, 1), fc.array(radix, { minLength: 4, maxLength: 4 }), fc.boolean())
    .map(([parts, r, trailingDot]) => {
      const values =
        parts === 4
          ? [a, b, c, d]
          : parts === 3
            ? [a, b, (c << 8) + d]
            : parts === 2
              ? [a, (b << 16) + (c << 8) + d]
              : [whole];
      return values.map((v, i) => spell(v, r[i]!)).join(".") + (trailingDot ? "." : "");
    });
}

/** IPv6 spellings that lead to the IPv4 address: mapped, compatible, NAT64, 6to4, Teredo. */
export function ipv6EmbeddingNotation(v4: V4): fc.Arbitrary<string> {
  const [a, b, c, d] = v4;
  const dotted = v4.join(".");
  const hexPair = `${hex16(a, b)}:${hex16(c, d)}`;
  const inverted = `${hex16(a ^ 0xff, b ^ 0xff)}:${hex16(c ^ 0xff, d ^ 0xff)}`;
  const forms = [
    `::ffff:${dotted}`,
    `::ffff:${hexPair}`,
    `0:0:0:0:0:ffff:${hexPair}`,
    `0000:0000:0000:0000:0000:FFFF:${dotted}`,
    `::ffff:0:${dotted}`,
    `::${dotted}`,
    `::${hexPair}`,
    `64:ff9b::${dotted}`,
    `64:ff9b::${hexPair}`,
    `64:FF9B:0:0:0:0:${hexPair}`,
    `2002:${hexPair}::1`,
    `2002:${hexPair}:0:0:0:0:0`,
    // Teredo: a public server (192.0.32.10 is not used: any server) and the client inverted.
    `2001:0:4136:e378:8000:63bf:${inverted}`,
    `2001:0:${hexPair}:8000:63bf:3fff:fdd2`,
  ];
  return fc
    .tuple(fc.constantFrom(...forms), fc.boolean())
    .map(([form, upper]) => `[${upper ? form.toUpperCase() : form}]`);
}

const byte = (min = 0, max = 255) => fc.integer({ min, max });

/** IPv4 addresses that are not public, from each forbidden range. */
export const forbiddenIpv4: fc.Arbitrary<V4> = fc.oneof(
  fc.tuple(fc.constant(127), byte(), byte(), byte()),
  fc.tuple(fc.constant(10), byte(), byte(), byte()),
  fc.tuple(fc.constant(172), byte(16, 31), byte(), byte()),
  fc.tuple(fc.constant(192), fc.constant(168), byte(), byte()),
  fc.tuple(fc.constant(169), fc.constant(254), byte(), byte()),
  fc.tuple(fc.constant(100), byte(64, 127), byte(), byte()),
  fc.tuple(fc.constant(0), byte(), byte(), byte()),
  fc.tuple(byte(224, 255), byte(), byte(), byte()),
  fc.tuple(fc.constant(198), byte(18, 19), byte(), byte()),
);

/** Native IPv6 addresses that are not public, in compressed, full or upper-case spelling. */
export const forbiddenIpv6: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(
      "::1",
      "::",
      "fe80::",
      "febf:ffff::",
      "fc00::",
      "fdff::",
      "ff02::",
      "2001:db8::",
      "fec0::",
    ),
    fc.integer({ min: 0, max: 0xffff }),
    fc.constantFrom<"short" | "full" | "upper">("short", "full", "upper"),
  )
  .map(([prefix, tail, style]) => {
    const address =
      prefix === "::1" || prefix === "::" ? prefix : `${prefix}${tail.toString(16)}`.replace(":::", "::");
    const text = style === "full" ? expandIpv6(address) : address;
    return `[${style === "upper" ? text.toUpperCase() : text}]`;
  });

function expandIpv6(address: string): string {
  const [head, tail = ""] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const zeros = Array(8 - left.length - right.length).fill("0000");
  return [...left, ...zeros, ...right].map((g) => g.padStart(4, "0")).join(":");
}
