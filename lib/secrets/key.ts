import "server-only";
import { getEnv } from "@/lib/env";
import { parseKeyRing } from "./crypto";
import type { KeyRing } from "./keyring";

let key: KeyRing | undefined;

/**
 * The AES-256 keys for stored vendor secrets, from TRUSTDECK_ENCRYPTION_KEY (newest first,
 * comma-separated during a key rotation): encrypts with the newest, decrypts with any.
 */
export function encryptionKey(): KeyRing {
  key ??= parseKeyRing(getEnv().TRUSTDECK_ENCRYPTION_KEY);
  return key;
}
