import { createHmac } from "node:crypto";

const ALNUM_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/**
 * Deterministic identifiers: each value is an HMAC of a label, so the demo seed
 * produces the same IDs and credentials on every run (connections pasted into the
 * dashboard keep working after a restart), independent of creation order.
 */
export class IdSource {
  private counters = new Map<string, number>();

  constructor(private readonly seed: string) {}

  /** Raw bytes derived from a label (any length). */
  bytes(label: string, length: number): Buffer {
    const chunks: Buffer[] = [];
    for (let i = 0; chunks.length * 32 < length; i++) {
      chunks.push(createHmac("sha256", this.seed).update(`${label}#${i}`).digest());
    }
    return Buffer.concat(chunks).subarray(0, length);
  }

  /** A version-4-shaped UUID for a label. */
  uuid(label: string): string {
    const b = this.bytes(label, 16);
    b[6] = (b[6]! & 0x0f) | 0x40;
    b[8] = (b[8]! & 0x3f) | 0x80;
    const h = b.toString("hex");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  /** Lower-case hex of `chars` characters. */
  hex(label: string, chars: number): string {
    return this.bytes(label, Math.ceil(chars / 2))
      .toString("hex")
      .slice(0, chars);
  }

  /** A string over an alphabet (upper-case alphanumerics by default). */
  text(label: string, length: number, alphabet: string = ALNUM_UPPER): string {
    const b = this.bytes(label, length);
    let out = "";
    for (const byte of b) out += alphabet[byte % alphabet.length];
    return out;
  }

  /** Mixed-case alphanumerics, for secrets. */
  secret(label: string, length: number): string {
    return this.text(label, length, ALNUM);
  }

  /** A fresh label for runtime-created objects: `kind#1`, `kind#2`, … */
  nextLabel(kind: string): string {
    const n = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, n);
    return `${kind}#runtime-${n}`;
  }

  /** The runtime counters, to save with the state they labelled. */
  counterSnapshot(): Map<string, number> {
    return new Map(this.counters);
  }

  /** Continues from saved counters, so objects created after a restart get new labels. */
  restoreCounters(saved: Map<string, number>): void {
    this.counters = new Map(saved);
  }
}
