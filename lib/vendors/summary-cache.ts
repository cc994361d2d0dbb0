import "server-only";

import type { CertificateSummary } from "@/lib/x509/summary";

/** The end of a certificate's text that indexes it (its signature, base64): cheap to hash. */
const INDEX_CHARS = 96;

interface Entry {
  text: string;
  pending: Promise<CertificateSummary>;
  /** Set once `pending` resolved: hits are then answered without waiting. */
  summary?: CertificateSummary;
}

/**
 * Certificate summaries by exact certificate text, least recently used evicted first. Looking up
 * a 1.7 KB PEM by itself hashes all of it (2.6 µs, more than everything else the adapter does
 * with a cached certificate), so entries are indexed by the text's length and its last characters
 * (the signature) and confirmed by comparing the whole text: a different text that shares the
 * index is a miss, never a wrong answer.
 */
export class SummaryCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly maxEntries: number) {}

  private static indexOf(text: string): string {
    return `${text.length}:${text.slice(-INDEX_CHARS)}`;
  }

  /** The entry of exactly this text, marked as most recently used. */
  private hit(text: string): Entry | undefined {
    const index = SummaryCache.indexOf(text);
    const entry = this.entries.get(index);
    if (!entry || entry.text !== text) return undefined;
    this.entries.delete(index);
    this.entries.set(index, entry);
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
    const entry: Entry = { text, pending: summarize(text) };
    entry.pending.then(
      (summary) => {
        entry.summary = summary;
      },
      () => {
        if (this.entries.get(index) === entry) this.entries.delete(index);
      },
    );
    this.entries.set(index, entry);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
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
}
