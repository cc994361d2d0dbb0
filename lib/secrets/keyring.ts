import "server-only";
import { createHash } from "node:crypto";
import { base64url } from "jose";

/**
 * The encryption keys in force, newest first. It *is* the newest key (a Uint8Array), so every
 * function that takes "the key" encrypts with the newest one unchanged; `decryptJson` also reads
 * with the older ones, so a key can be rotated without a moment where stored secrets are
 * unreadable (TRUSTDECK_ENCRYPTION_KEY="new,old" during the switch).
 */
export class KeyRing extends Uint8Array {
  // Derived arrays (slice, subarray in libraries) are plain bytes, not key rings.
  static get [Symbol.species]() {
    return Uint8Array;
  }

  readonly older: readonly Uint8Array[];

  constructor(newest: Uint8Array, older: readonly Uint8Array[] = []) {
    super(newest);
    this.older = older;
  }

  /** Every key, newest first. */
  all(): Uint8Array[] {
    return [Uint8Array.from(this), ...this.older];
  }
}

/** Every key a ciphertext may have been sealed with, newest first. */
export function keysOf(key: Uint8Array): Uint8Array[] {
  return key instanceof KeyRing ? key.all() : [key];
}

/**
 * A short public identifier of a key (a truncated SHA-256 of it), stored as the JWE `kid` so a
 * reader picks the right key at once and the rotation command can tell what is already rotated.
 * It reveals nothing usable about the key.
 */
export function keyId(key: Uint8Array): string {
  return `k1-${base64url.encode(createHash("sha256").update(Uint8Array.from(key)).digest()).slice(0, 12)}`;
}
