import type { CertificateSet, CertificateSetKind } from "@/lib/vendors/model";
import type { CertificateSummary } from "@/lib/x509/summary";

/** One certificate as read now from a set: what the snapshot stores. */
export interface ObservedCertificate {
  key: string;
  setId: string;
  setLabel: string;
  setKind: CertificateSetKind | string;
  slot: string;
  state: string | null;
  certificate: CertificateSummary;
}

/** What the snapshot held for a certificate before this read (only the fields the diff needs). */
export interface KnownCertificate {
  key: string;
  setId: string;
  setLabel: string;
  slot: string;
  state: string | null;
  sha256: string;
  subject: string;
  keyAlgorithm: string;
  keySize: number | null;
  notAfter: Date;
}

/** A history entry to append. */
export interface SnapshotChange {
  kind: "appeared" | "state-changed" | "disappeared";
  key: string;
  setId: string;
  details: Record<string, unknown>;
}

/** The key of a certificate in a set: the same certificate moving slots keeps its key. */
export function certificateKey(connectionId: string, setId: string, sha256: string): string {
  return `${connectionId}/${setId}/${sha256}`;
}

/** Flatten sets into their certificates; empty and unparseable slots hold none. */
export function observeSets(connectionId: string, sets: CertificateSet[]): ObservedCertificate[] {
  const seen = new Map<string, ObservedCertificate>();
  for (const set of sets) {
    for (const slot of set.slots) {
      if (!slot.certificate) continue;
      const key = certificateKey(connectionId, set.id, slot.certificate.sha256);
      // The same certificate in two slots of one set: the first slot (the active one) wins.
      if (!seen.has(key))
        seen.set(key, {
          key,
          setId: set.id,
          setLabel: set.label,
          setKind: set.kind,
          slot: slot.slot,
          state: slot.state ?? null,
          certificate: slot.certificate,
        });
    }
  }
  return [...seen.values()];
}

/**
 * Compare a connection's previous snapshot with what was read now: certificates that appeared,
 * changed slot or state (a rotation moves `current` to `previous`), or disappeared.
 */
export function diffSnapshot(
  previous: KnownCertificate[],
  observed: ObservedCertificate[],
): SnapshotChange[] {
  const before = new Map(previous.map((p) => [p.key, p]));
  const now = new Map(observed.map((o) => [o.key, o]));
  const changes: SnapshotChange[] = [];
  for (const o of observed) {
    const p = before.get(o.key);
    const position = { slot: o.slot, state: o.state };
    if (!p)
      changes.push({
        kind: "appeared",
        key: o.key,
        setId: o.setId,
        details: { ...position, subject: o.certificate.subject, notAfter: o.certificate.notAfter },
      });
    else if (p.slot !== o.slot || p.state !== o.state)
      changes.push({
        kind: "state-changed",
        key: o.key,
        setId: o.setId,
        details: { from: { slot: p.slot, state: p.state }, to: position },
      });
  }
  for (const p of previous) {
    if (!now.has(p.key))
      changes.push({
        kind: "disappeared",
        key: p.key,
        setId: p.setId,
        details: { slot: p.slot, state: p.state, subject: p.subject, notAfter: p.notAfter.toISOString() },
      });
  }
  return changes;
}
