import { formatUtcDate } from "@/lib/time/format";
import { formatThumbprint } from "@/lib/x509/thumbprint";
import type { KnownCertificate, ObservedCertificate, SnapshotChange } from "./diff";

/** A Trustdeck write on a set, from the audit log: its details mention the thumbprints it touched. */
export interface AuditedWrite {
  setId: string;
  /** The event's details as JSON text (before/after slot digests carry the SHA-256 thumbprints). */
  detailsText: string;
}

/** What happened to a set outside Trustdeck, in the words the drift list uses. */
export type DriftWhat = "added" | "removed" | "replaced" | "state-changed" | "rotated";

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

const keyWords = (algorithm: string, size: number | null | undefined) =>
  size ? `${algorithm} ${size}` : algorithm;

type Cert = { sha256: string; name: string; notAfter: string | Date; subject: string; key: string };

const fromObserved = (o: ObservedCertificate): Cert => ({
  sha256: o.certificate.sha256,
  name: o.certificate.commonName ?? o.certificate.subject,
  notAfter: o.certificate.notAfter,
  subject: o.certificate.subject,
  key: keyWords(o.certificate.keyAlgorithm, o.certificate.keySize),
});
const fromKnown = (p: KnownCertificate): Cert => ({
  sha256: p.sha256,
  name: p.subject,
  notAfter: p.notAfter,
  subject: p.subject,
  key: keyWords(p.keyAlgorithm, p.keySize),
});
const words = (c: Cert) => `${shortThumbprint(c.sha256)} (${c.name}, expires ${formatUtcDate(c.notAfter)})`;
const position = (slot: string, state: string | null) => (state ? `${slot} (${state})` : slot);

type Sentence = { what: DriftWhat; text: string; keys: string[]; replaced?: { before: Cert; after: Cert } };

/**
 * One set's unexplained changes in words: a certificate that took the place of another in the same
 * slot "replaced" it; one whose slot's certificate moved to another slot means the vendor "rotated"
 * the set itself; otherwise a certificate was "added" or "removed", or its slot or state changed.
 */
function describeSet(
  changes: SnapshotChange[],
  observed: Map<string, ObservedCertificate>,
  previous: Map<string, KnownCertificate>,
): Sentence[] {
  const appeared = changes.filter((c) => c.kind === "appeared").map((c) => observed.get(c.key)!);
  const gone = changes.filter((c) => c.kind === "disappeared").map((c) => previous.get(c.key)!);
  const moved = changes
    .filter((c) => c.kind === "state-changed")
    .map((c) => ({ before: previous.get(c.key)!, after: observed.get(c.key)! }));
  const used = new Set<string>();
  const sentences: Sentence[] = [];

  for (const o of appeared) {
    const rotatedOut = moved.find(
      (m) => m.before.slot === o.slot && m.after.slot !== o.slot && !used.has(m.before.key),
    );
    if (rotatedOut) {
      used.add(rotatedOut.before.key);
      const dropped = gone.find((p) => p.slot === rotatedOut.after.slot && !used.has(p.key));
      if (dropped) used.add(dropped.key);
      sentences.push({
        what: "rotated",
        text: `rotated by the vendor itself: new certificate ${words(fromObserved(o))} in ${o.slot}, ${words(fromKnown(rotatedOut.before))} moved to ${rotatedOut.after.slot}${dropped ? `, ${words(fromKnown(dropped))} removed` : ""}`,
        keys: [o.key, rotatedOut.before.key, ...(dropped ? [dropped.key] : [])],
        replaced: { before: fromKnown(rotatedOut.before), after: fromObserved(o) },
      });
      continue;
    }
    const predecessor = gone.find((p) => p.slot === o.slot && !used.has(p.key));
    if (predecessor) {
      used.add(predecessor.key);
      sentences.push({
        what: "replaced",
        text: `certificate ${words(fromKnown(predecessor))} in ${o.slot} replaced by ${words(fromObserved(o))}`,
        keys: [predecessor.key, o.key],
        replaced: { before: fromKnown(predecessor), after: fromObserved(o) },
      });
      continue;
    }
    sentences.push({
      what: "added",
      text: `certificate ${words(fromObserved(o))} added to ${o.slot}`,
      keys: [o.key],
    });
  }
  for (const p of gone.filter((p) => !used.has(p.key)))
    sentences.push({
      what: "removed",
      text: `certificate ${words(fromKnown(p))} removed from ${p.slot}`,
      keys: [p.key],
    });
  for (const m of moved.filter((m) => !used.has(m.before.key)))
    sentences.push({
      what: "state-changed",
      text: `certificate ${words(fromKnown(m.before))} changed from ${position(m.before.slot, m.before.state)} to ${position(m.after.slot, m.after.state)}`,
      keys: [m.before.key],
    });
  return sentences;
}

/**
 * Drift lists only changes made outside Trustdeck: a certificate that appeared in, disappeared
 * from or changed slot or state in a set when no Trustdeck write on that set since the previous
 * snapshot mentions it. Each is worded as what happened (added, removed, replaced, state changed,
 * rotated by the vendor itself); a replacement with a different subject or key is also reported as
 * a re-issue that relying parties may not expect. Nothing is reported on a connection's first
 * snapshot (everything "appears" then).
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
  const observedByKey = new Map(input.observed.map((o) => [o.key, o]));
  const previousByKey = new Map(input.previous.map((p) => [p.key, p]));
  const explained = (setId: string, sha256: string) =>
    input.writes.some((w) => w.setId === setId && w.detailsText.includes(sha256));

  const bySet = new Map<string, SnapshotChange[]>();
  for (const change of input.changes) {
    const sha256 = (observedByKey.get(change.key)?.certificate.sha256 ??
      previousByKey.get(change.key)?.sha256)!;
    if (explained(change.setId, sha256)) continue;
    bySet.set(change.setId, [...(bySet.get(change.setId) ?? []), change]);
  }

  const findings: DriftFinding[] = [];
  for (const [setId, changes] of bySet) {
    const setLabel =
      observedByKey.get(changes[0]!.key)?.setLabel ?? previousByKey.get(changes[0]!.key)?.setLabel ?? setId;
    const sentences = describeSet(changes, observedByKey, previousByKey);
    findings.push({
      kind: "external-change",
      setId,
      setLabel,
      certificateKey: changes[0]!.key,
      message: `${input.connectionLabel} · ${setLabel} changed outside Trustdeck: ${sentences.map((s) => s.text).join("; ")}.`,
      details: {
        what: sentences.map((s) => s.what),
        changes: changes.map((c) => ({ kind: c.kind, key: c.key })),
      },
    });
    for (const s of sentences) {
      if (!s.replaced) continue;
      const { before, after } = s.replaced;
      const differences: string[] = [];
      if (before.subject !== after.subject) differences.push(`subject ${before.subject} → ${after.subject}`);
      if (before.key !== after.key) differences.push(`key ${before.key} → ${after.key}`);
      if (differences.length === 0) continue;
      findings.push({
        kind: "reissued-different",
        setId,
        setLabel,
        certificateKey: s.keys.find((k) => observedByKey.has(k) && !previousByKey.has(k)) ?? s.keys[0]!,
        message: `${input.connectionLabel} · ${setLabel}: re-issued with a different subject or key outside Trustdeck — ${shortThumbprint(after.sha256)} took the place of ${shortThumbprint(before.sha256)}: ${differences.join("; ")}. Relying parties that pin the subject or key type may reject it.`,
        details: {
          replaced: before.sha256,
          subject: { from: before.subject, to: after.subject },
          key: { from: before.key, to: after.key },
        },
      });
    }
  }
  return findings;
}
