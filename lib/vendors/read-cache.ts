import "server-only";

import { getEnv } from "@/lib/env";
import { readScopeSignal, runSharedReads, SharedReadInterest } from "./read-scope";

interface Entry {
  promise: Promise<unknown>;
  /** When the read finished (clock ms); undefined while it is in flight. */
  settledAt?: number;
  /** Who still waits for it: abandoned by all its callers' scopes, it stops (lib/vendors/read-scope.ts). */
  interest: SharedReadInterest;
}

/** What `read` may serve: `cached` accepts a recent answer, `live` only an answer still on its way. */
export type ReadFreshness = "cached" | "live";

/**
 * Live vendor reads shared across users: identical reads (same connection, operation and
 * parameters) in flight at the same time are sent once and share the answer; a finished answer
 * is served for a few seconds. Any write on a connection drops what is known about it, at its
 * start and at its end, so a read never returns state older than the last write Trustdeck made.
 * Failures are never kept. A read in flight stops only when every caller that joined it has
 * abandoned it (a caller outside any read scope keeps it going).
 */
export class ReadCache {
  private readonly connections = new Map<string, Map<string, Entry>>();

  constructor(
    private readonly options: { now: () => number; ttlMs: () => number } = {
      now: () => performance.now(),
      ttlMs: () => getEnv().VENDOR_READ_CACHE_SECONDS * 1000,
    },
  ) {}

  /** The answer of `load` for `key` on `connectionId`, shared with identical concurrent reads. */
  read<T>(
    connectionId: string,
    key: string,
    load: () => Promise<T>,
    freshness: ReadFreshness = "cached",
  ): Promise<T> {
    let reads = this.connections.get(connectionId);
    if (!reads) {
      reads = new Map();
      this.connections.set(connectionId, reads);
    }
    const known = reads.get(key);
    // A read being abandoned by all its callers is not joined: it is about to fail.
    if (known?.settledAt === undefined && known && !known.interest.signal.aborted) {
      known.interest.join(readScopeSignal());
      return known.promise as Promise<T>;
    }
    if (known && freshness === "cached" && this.options.now() - known.settledAt! < this.options.ttlMs())
      return known.promise as Promise<T>;

    const connectionReads = reads;
    for (const [other, done] of reads)
      if (done.settledAt !== undefined && this.options.now() - done.settledAt >= this.options.ttlMs())
        reads.delete(other);
    const interest = new SharedReadInterest();
    interest.join(readScopeSignal());
    const entry: Entry = {
      interest,
      promise: runSharedReads(interest.signal, load).then(
        (value) => {
          interest.settled();
          entry.settledAt = this.options.now();
          if (this.options.ttlMs() <= 0) this.forget(connectionReads, key, entry);
          return value;
        },
        (error: unknown) => {
          interest.settled();
          this.forget(connectionReads, key, entry);
          throw error;
        },
      ),
    };
    reads.set(key, entry);
    return entry.promise as Promise<T>;
  }

  /** Drops every answer about a connection and detaches reads in flight (a write started or ended). */
  invalidate(connectionId: string): void {
    this.connections.delete(connectionId);
  }

  private forget(reads: Map<string, Entry>, key: string, entry: Entry): void {
    if (reads.get(key) === entry) reads.delete(key);
  }
}

const holder = globalThis as typeof globalThis & { __trustdeckReadCache?: ReadCache };

/** The process-wide cache of live vendor reads. */
export function processReadCache(): ReadCache {
  holder.__trustdeckReadCache ??= new ReadCache();
  return holder.__trustdeckReadCache;
}
