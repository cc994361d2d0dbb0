import { webcrypto } from "node:crypto";

/** RSA-2048 with SHA-256: what all three vendors use for their SAML certificates. */
export const RSA_SHA256: RsaHashedKeyGenParams = {
  name: "RSASSA-PKCS1-v1_5",
  hash: "SHA-256",
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
};

const REFILL_GAP_MS = 1000;

/** Generates one RSA-2048 key pair (on the libuv thread pool, off the event loop). */
export function generateRsaKeyPair(): Promise<CryptoKeyPair> {
  return webcrypto.subtle.generateKey(RSA_SHA256, true, ["sign", "verify"]) as Promise<CryptoKeyPair>;
}

/**
 * RSA key generation costs ~50–150 ms per key, so start-up generates a few `base`
 * keys that seed certificates share. Certificates created at run time (rotate, create
 * SP certificate) take `spare` keys, refilled in the background from the first such
 * request on (tests that never rotate never pay for them). When the spares run out, a
 * base key is reused rather than blocking the request.
 */
export class KeyPool {
  private readonly spare: CryptoKeyPair[] = [];
  private cursor = 0;
  private refilling = false;
  private stopped = false;

  private constructor(private readonly base: CryptoKeyPair[], private readonly target: number) {}

  /** Generates `baseCount` keys now; keeps up to `spareTarget` spares once fresh keys are asked for. */
  static async create(baseCount: number, spareTarget: number): Promise<KeyPool> {
    const base = await Promise.all(Array.from({ length: baseCount }, generateRsaKeyPair));
    return new KeyPool(base, spareTarget);
  }

  /** A key for seed certificates (round-robin over the base keys). */
  shared(): CryptoKeyPair {
    const key = this.base[this.cursor % this.base.length]!;
    this.cursor++;
    return key;
  }

  /** A key for a new certificate: a fresh spare when there is one. */
  fresh(): CryptoKeyPair {
    const key = this.spare.pop();
    this.startRefill();
    return key ?? this.shared();
  }

  /**
   * Tops the spares up in the background, one key at a time and at most one per
   * REFILL_GAP_MS: under a storm of rotations, key generation must not eat a core.
   */
  startRefill(): void {
    if (this.refilling || this.stopped || this.spare.length >= this.target) return;
    this.refilling = true;
    generateRsaKeyPair()
      .then((key) => {
        if (this.stopped) return;
        this.spare.push(key);
        setTimeout(() => {
          this.refilling = false;
          this.startRefill();
        }, REFILL_GAP_MS).unref();
      })
      .catch(() => {
        this.refilling = false;
      });
  }

  /** Stops refilling. */
  stop(): void {
    this.stopped = true;
  }
}
