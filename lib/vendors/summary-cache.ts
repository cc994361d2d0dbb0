import "server-only";

import type { CertificateSummary } from "@/lib/x509/summary";

/** The end of a certificate's text that its index hashes (the signature and any PEM footer). */
const INDEX_CHARS = 96;

interface Entry {
  text: string;
  pending: Promise<CertificateSummary>;
  /** Set once `pending` resolved: hits are then answered without waiting. */
  summary?: CertificateSummary;
  /** Used since the last eviction pass went by it (second chance). */
  referenced: boolean;
}

/**
 * Certificate summaries by exact certificate text, bounded. Looking a 1.7 KB PEM up by itself
 * hashes all of it (2.6 µs, more than everything else the adapter does with a cached
 * certificate), and even a string index of its last characters costs a new string per lookup,
 * so entries are indexed by a number: a 53-bit hash of the text's length and its last 96
 * characters (the signature). A hit is confirmed by comparing the whole text: a different text with the
 * same index is a miss, never a wrong answer.
 *
 * Eviction is second chance (CLOCK), which approximates least recently used without reordering
 * on every hit: a hit only marks its entry; beyond the bound, the oldest entries that were used
 * since the last pass move to the back, and the first unused one goes. A cycle over no more
 * certificates than the bound (a refresh reading every certificate in turn) never misses, and
 * certificates seen once are evicted before those read again.
 */
export class SummaryCache {
  private readonly entries = new Map<number, Entry>();

  constructor(private readonly maxEntries: number) {}

  private static indexOf(text: string): number {
    // Two FNV-1a lanes (32 bits each, different seeds) folded into 53 bits: a number key costs no
    // string, and 20,000 certificates share an index with a chance of about 1 in 50 million.
    let high = 0x811c9dc5 ^ text.length;
    let low = 0x01000193 ^ text.length;
    for (let i = Math.max(0, text.length - INDEX_CHARS); i < text.length; i++) {
      const code = text.charCodeAt(i);
      high = Math.imul(high ^ code, 0x01000193);
      low = Math.imul(low ^ code, 0x050c5d1f);
    }
    return (high >>> 0) * 0x200000 + (low >>> 11);
  }

  /** The entry of exactly this text, marked as used. */
  private hit(text: string): Entry | undefined {
    const entry = this.entries.get(SummaryCache.indexOf(text));
    if (!entry || entry.text !== text) return undefined;
    entry.referenced = true;
    return entry;
  }

  /** The summary of `text` when it is known already (no waiting), else undefined. */
  peek(text: string): CertificateSummary | undefined {
    return this.hit(text)?.summary;
  }

  /** The summary of `text`, computed by `summarize` once; failures are not kept. */
  get(text: string, summarize: (text: string) => Promise<CertificateSummary>): Promise<CertificateSummary> {
    const cached = this.hit(text);
    if (cached) return cached.pending;
    const index = SummaryCache.indexOf(text);
    const entry: Entry = { text, pending: summarize(text), referenced: false };
    entry.pending.then(
      (summary) => {
        entry.summary = summary;
      },
      () => {
        if (this.entries.get(index) === entry) this.entries.delete(index);
      },
    );
    // A text sharing the index of another replaces it (the newer is the likelier to be asked again).
    this.entries.delete(index);
    this.entries.set(index, entry);
    if (this.entries.size > this.maxEntries) this.evictOne();
    return entry.pending;
  }

  /** How many summaries are kept. */
  get size(): number {
    return this.entries.size;
  }

  /** Forgets every summary. */
  clear(): void {
    this.entries.clear();
  }

  /** Removes the oldest entry not used since the pass last went by it; used ones move to the back. */
  private evictOne(): void {
    for (const [index, entry] of this.entries) {
      if (!entry.referenced) {
        this.entries.delete(index);
        return;
      }
      entry.referenced = false;
      this.entries.delete(index);
      this.entries.set(index, entry);
    }
  }
}
