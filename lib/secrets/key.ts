import "server-only";
import { getEnv } from "@/lib/env";
import { parseKey } from "./crypto";

let key: Uint8Array | undefined;

/** The AES-256 key for stored vendor secrets, from TRUSTDECK_ENCRYPTION_KEY. */
export function encryptionKey(): Uint8Array {
  key ??= parseKey(getEnv().TRUSTDECK_ENCRYPTION_KEY);
  return key;
}
