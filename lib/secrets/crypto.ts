import "server-only";
import { CompactEncrypt, compactDecrypt, base64url } from "jose";

const ALG = "dir";
const ENC = "A256GCM";

/** Raised when the key is missing or malformed, or a ciphertext cannot be opened with it. */
export class SecretsError extends Error {
  constructor(
    readonly code: "ERR_KEY_MISSING" | "ERR_KEY_INVALID" | "ERR_DECRYPT",
    message: string,
  ) {
    super(message);
    this.name = "SecretsError";
  }
}

/**
 * Decode the 32-byte AES-256 key given as base64url (what `generateKey()` prints).
 * The key is validated here so that a truncated key fails at start, not at first use.
 */
export function parseKey(encoded: string | undefined): Uint8Array {
  if (!encoded) {
    throw new SecretsError(
      "ERR_KEY_MISSING",
      "TRUSTDECK_ENCRYPTION_KEY is not set: vendor secrets cannot be stored or read.",
    );
  }
  let key: Uint8Array;
  try {
    key = base64url.decode(encoded.trim());
  } catch {
    throw new SecretsError("ERR_KEY_INVALID", "TRUSTDECK_ENCRYPTION_KEY is not valid base64url.");
  }
  if (key.length !== 32) {
    throw new SecretsError(
      "ERR_KEY_INVALID",
      `TRUSTDECK_ENCRYPTION_KEY must decode to 32 bytes (it decodes to ${key.length}).`,
    );
  }
  return key;
}

/** A fresh random key, base64url-encoded. */
export function generateKey(): string {
  return base64url.encode(crypto.getRandomValues(new Uint8Array(32)));
}

/**
 * Encrypt a JSON value as a compact JWE (`dir` + `A256GCM`). `purpose` is bound into the
 * protected header, so a ciphertext copied into another row or field does not decrypt there.
 */
export async function encryptJson(value: unknown, key: Uint8Array, purpose: string): Promise<string> {
  const plaintext = new TextEncoder().encode(JSON.stringify(value));
  return new CompactEncrypt(plaintext)
    .setProtectedHeader({ alg: ALG, enc: ENC, cty: "json", kid: "v1", "x-purpose": purpose })
    .encrypt(key);
}

/** Decrypt what `encryptJson` produced for the same purpose. */
export async function decryptJson(jwe: string, key: Uint8Array, purpose: string): Promise<unknown> {
  try {
    const { plaintext, protectedHeader } = await compactDecrypt(jwe, key, {
      keyManagementAlgorithms: [ALG],
      contentEncryptionAlgorithms: [ENC],
    });
    if (protectedHeader["x-purpose"] !== purpose) throw new Error("purpose mismatch");
    return JSON.parse(new TextDecoder().decode(plaintext));
  } catch {
    throw new SecretsError(
      "ERR_DECRYPT",
      "A stored secret could not be decrypted: was TRUSTDECK_ENCRYPTION_KEY changed? Re-enter the secret.",
    );
  }
}
