import { setBreaksAt } from "@/lib/certificates/status";
import type { SlotRole } from "@/lib/vendors/descriptor";
import type { CertificateSet } from "@/lib/vendors/model";
import { certificateKey } from "./diff";

/** What a snapshot row stores about sign-in: the certificate's role and its set's breaks-at date. */
export interface SignInFacts {
  role: SlotRole | null;
  setBreaksAt: Date | null;
}

/**
 * The role and set breaks-at date of every certificate read from a connection, by inventory key.
 * The first slot of a certificate wins, as in `observeSets`.
 */
export function signInFacts(
  connectionId: string,
  sets: readonly CertificateSet[],
  now: Date,
): (key: string) => SignInFacts {
  const facts = new Map<string, SignInFacts>();
  for (const set of sets) {
    const at = setBreaksAt(set, now).at;
    for (const slot of set.slots) {
      if (!slot.certificate) continue;
      const key = certificateKey(connectionId, set.id, slot.certificate.sha256);
      if (!facts.has(key)) facts.set(key, { role: slot.role ?? null, setBreaksAt: at ? new Date(at) : null });
    }
  }
  return (key) => facts.get(key) ?? { role: null, setBreaksAt: null };
}
