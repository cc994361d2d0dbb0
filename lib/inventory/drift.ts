import { formatThumbprint } from "@/lib/x509/thumbprint";
import type { KnownCertificate, ObservedCertificate, SnapshotChange } from "./diff";

/** A Trustdeck write on a set, from the audit log: its details mention the thumbprints it touched. */
export interface AuditedWrite {
  setId: string;
  /** The event's details as JSON text (before/after slot digests carry the SHA-256 thumbprints). */
  detailsText: string;
}

/** A drift finding, ready to store and to audit. */
export interface DriftFinding {
  kind: "external-change" | "reissued-different";
  setId: string;
  setLabel: string;
  certificateKey: string;
  message: string;
  details: Record<string, unknown>;
}

/** `AB:CD:EF:01…`: enough of a thumbprint to recognise it in a vendor console. */
export function shortThumbprint(sha256: string): string {
  return `${formatThumbprint(sha256.slice(0, 8), "colon")}…`;
}

const day = (iso: string | Date) => (typeof iso === "string" ? iso : iso.toISOString()).slice(0, 10);
const keyWords = (algorithm: string, size: number | null | undefined) =>
  size ? `${algorithm} ${size}` : algorithm;

/** The certificate an appeared one most likely replaced: same slot, else the active one, else the latest. */
function predecessorOf(
  appeared: ObservedCertificate,
  previous: KnownCertificate[],
  observedKeys: Set<string>,
): KnownCertificate | undefined {
  const inSet = previous.filter((p) => p.setId === appeared.setId && p.key !== appeared.key);
  return (
    inSet.find((p) => p.slot === appeared.slot && !observedKeys.has(p.key)) ??
    inSet.find((p) => p.slot === appeared.slot) ??
    inSet.find((p) => p.state === "ACTIVE") ??
    [...inSet].sort((a, b) => b.notAfter.getTime() - a.notAfter.getTime())[0]
  );
}

/**
 * Drift rules. (1) A certificate appeared in or disappeared from a set and no Trustdeck write on
 * that set since the previous snapshot mentions it: the set changed outside Trustdeck
 * (a vendor-side auto-rotation, an upload in the vendor console). (2) A certificate replaced one
 * whose subject, key type or key size differ: a re-issue that relying parties may not expect.
 * Nothing is reported on a connection's first snapshot (everything "appears" then).
 */
export function detectDrift(input: {
  connectionLabel: string;
  firstSnapshot: boolean;
  previous: KnownCertificate[];
  observed: ObservedCertificate[];
  changes: SnapshotChange[];
  writes: AuditedWrite[];
}): DriftFinding[] {
  if (input.firstSnapshot) return [];
  const findings: DriftFinding[] = [];
  const observedByKey = new Map(input.observed.map((o) => [o.key, o]));
  const previousByKey = new Map(input.previous.map((p) => [p.key, p]));
  const observedKeys = new Set(observedByKey.keys());
  const explained = (setId: string, sha256: string) =>
    input.writes.some((w) => w.setId === setId && w.detailsText.includes(sha256));

  const bySet = new Map<string, SnapshotChange[]>();
  for (const change of input.changes) {
    if (change.kind === "state-changed") continue;
    const sha256 = (observedByKey.get(change.key)?.certificate.sha256 ??
      previousByKey.get(change.key)?.sha256)!;
    if (explained(change.setId, sha256)) continue;
    bySet.set(change.setId, [...(bySet.get(change.setId) ?? []), change]);
  }
  for (const [setId, changes] of bySet) {
    const setLabel =
      observedByKey.get(changes[0]!.key)?.setLabel ?? previousByKey.get(changes[0]!.key)?.setLabel ?? setId;
    const parts = changes.map((c) => {
      const o = observedByKey.get(c.key);
      const p = previousByKey.get(c.key);
      return o
        ? `certificate ${shortThumbprint(o.certificate.sha256)} (${o.certificate.commonName ?? o.certificate.subject}, expires ${day(o.certificate.notAfter)}) appeared in ${o.slot}`
        : `certificate ${shortThumbprint(p!.sha256)} (${p!.subject}, expires ${day(p!.notAfter)}) disappeared from ${p!.slot}`;
    });
    findings.push({
      kind: "external-change",
      setId,
      setLabel,
      certificateKey: changes[0]!.key,
      message: `${input.connectionLabel} · ${setLabel} changed outside Trustdeck: ${parts.join("; ")}.`,
      details: { changes: changes.map((c) => ({ kind: c.kind, key: c.key })) },
    });
  }

  for (const change of input.changes) {
    if (change.kind !== "appeared") continue;
    const o = observedByKey.get(change.key)!;
    const p = predecessorOf(o, input.previous, observedKeys);
    if (!p) continue;
    const differences: string[] = [];
    if (p.subject !== o.certificate.subject)
      differences.push(`subject ${p.subject} → ${o.certificate.subject}`);
    if (
      p.keyAlgorithm !== o.certificate.keyAlgorithm ||
      (p.keySize ?? null) !== (o.certificate.keySize ?? null)
    ) {
      differences.push(
        `key ${keyWords(p.keyAlgorithm, p.keySize)} → ${keyWords(o.certificate.keyAlgorithm, o.certificate.keySize)}`,
      );
    }
    if (differences.length === 0) continue;
    findings.push({
      kind: "reissued-different",
      setId: o.setId,
      setLabel: o.setLabel,
      certificateKey: o.key,
      message: `${input.connectionLabel} · ${o.setLabel}: the new certificate ${shortThumbprint(o.certificate.sha256)} differs from the one it replaces (${shortThumbprint(p.sha256)}): ${differences.join("; ")}. Relying parties that pin the subject or key type may reject it.`,
      details: {
        replaced: p.key,
        subject: { from: p.subject, to: o.certificate.subject },
        key: {
          from: keyWords(p.keyAlgorithm, p.keySize),
          to: keyWords(o.certificate.keyAlgorithm, o.certificate.keySize),
        },
      },
    });
  }
  return findings;
}
