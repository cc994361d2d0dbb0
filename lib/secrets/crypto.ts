import "server-only";
import { CompactEncrypt, compactDecrypt, base64url, decodeProtectedHeader } from "jose";
import { KeyRing, keyId, keysOf } from "./keyring";

const ALG = "dir";
const ENC = "A256GCM";

/**
 * Raised when the key is missing or malformed, or a ciphertext cannot be opened with it (or not
 * for the purpose it is read for).
 */
export class SecretsError extends Error {
  constructor(
    /** ERR_DESTINATION: sealed for another destination than the one it would be sent to now. */
    readonly code: "ERR_KEY_MISSING" | "ERR_KEY_INVALID" | "ERR_DECRYPT" | "ERR_DESTINATION",
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
export function parseKey(encoded: string | undefined, name = "TRUSTDECK_ENCRYPTION_KEY"): Uint8Array {
  if (!encoded) {
    throw new SecretsError("ERR_KEY_MISSING", `${name} is not set: vendor secrets cannot be stored or read.`);
  }
  let key: Uint8Array;
  try {
    key = base64url.decode(encoded.trim());
  } catch {
    throw new SecretsError("ERR_KEY_INVALID", `${name} is not valid base64url.`);
  }
  if (key.length !== 32) {
    throw new SecretsError(
      "ERR_KEY_INVALID",
      `${name} must decode to 32 bytes (it decodes to ${key.length}).`,
    );
  }
  return key;
}

/**
 * Decode a comma-separated list of keys, newest first: the newest encrypts, all of them decrypt.
 * One key is the usual case; two while a key rotation is under way.
 */
export function parseKeyRing(encoded: string | undefined, name = "TRUSTDECK_ENCRYPTION_KEY"): KeyRing {
  const parts = (encoded ?? "").split(",").map((part) => part.trim());
  const keys = parts.map((part, index) =>
    parseKey(part, parts.length > 1 ? `${name} (key ${index + 1} of ${parts.length})` : name),
  );
  return new KeyRing(keys[0]!, keys.slice(1));
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
    .setProtectedHeader({ alg: ALG, enc: ENC, cty: "json", kid: keyId(key), "x-purpose": purpose })
    .encrypt(key);
}

/** Decrypt what `encryptJson` produced for the same purpose, with whichever key of `key` sealed it. */
export async function decryptJson(jwe: string, key: Uint8Array, purpose: string): Promise<unknown> {
  for (const candidate of candidateKeys(jwe, key)) {
    try {
      const { plaintext, protectedHeader } = await compactDecrypt(jwe, candidate, {
        keyManagementAlgorithms: [ALG],
        contentEncryptionAlgorithms: [ENC],
      });
      if (protectedHeader["x-purpose"] !== purpose) break; // bound to another row or field
      return JSON.parse(new TextDecoder().decode(plaintext));
    } catch {
      // try the next key, if any
    }
  }
  throw new SecretsError(
    "ERR_DECRYPT",
    "A stored secret could not be decrypted: was TRUSTDECK_ENCRYPTION_KEY changed? Re-enter the secret.",
  );
}

/** The key its `kid` names, or every key (ciphertexts from before key ids, kid "v1"). */
function candidateKeys(jwe: string, key: Uint8Array): Uint8Array[] {
  const keys = keysOf(key);
  let kid: unknown;
  try {
    kid = decodeProtectedHeader(jwe).kid;
  } catch {
    return keys;
  }
  const named = keys.find((candidate) => keyId(candidate) === kid);
  return named ? [named] : keys;
}

/** The purpose a ciphertext is bound to (its authenticated header), for re-encryption. */
export function purposeOf(jwe: string): string | undefined {
  const purpose = decodeProtectedHeader(jwe)["x-purpose"];
  return typeof purpose === "string" ? purpose : undefined;
}

/** Whether a ciphertext names `key` as the key that sealed it. */
export function sealedWith(jwe: string, key: Uint8Array): boolean {
  try {
    return decodeProtectedHeader(jwe).kid === keyId(key);
  } catch {
    return false;
  }
}
