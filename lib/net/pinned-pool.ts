import "server-only";
import type { IncomingHttpHeaders } from "node:http";
import { Pool } from "undici";
import type { ResolvedAddress } from "./outbound-guard";
import { pinnedLookup, TIMEOUT_CODE, TOO_LARGE_CODE, type PinnedRequest } from "./pinned-request";

// Keep-alive connections to addresses the outbound guard approved. There is one undici pool per
// origin AND checked address, so a request reuses a socket only when the guard's decision for
// that very request named the address the socket was opened to: when DNS changes its answer (a
// rebinding), the next request goes to a new pool instead of riding a socket to an address the
// guard no longer vouches for, and an address the guard refused never reaches this module. The
// pools are few (least recently used closed first) and idle sockets and idle pools close by
// themselves. Only reads use them (lib/net/guarded-fetch-like.ts): a write always gets a fresh
// connection, so a server closing an idle socket as we write can never make a write ambiguous.

export interface PinnedPoolsOptions {
  /** Pools kept at once; the least recently used is closed beyond it. */
  maxPools?: number;
  /** An idle socket is closed after this long (or the server's shorter Keep-Alive hint). */
  idleSocketMs?: number;
  /** A pool unused for this long is closed the next time any pool is asked for. */
  idlePoolMs?: number;
  now?: () => number;
}

interface Entry {
  pool: Pool;
  lastUsed: number;
}

/** Keep-alive pools keyed by origin and pinned address (see the top of this file). */
export class PinnedPools {
  private readonly pools = new Map<string, Entry>();
  private readonly maxPools: number;
  private readonly idleSocketMs: number;
  private readonly idlePoolMs: number;
  private readonly now: () => number;

  constructor(options: PinnedPoolsOptions = {}) {
    this.maxPools = options.maxPools ?? 32;
    this.idleSocketMs = options.idleSocketMs ?? 4_000;
    this.idlePoolMs = options.idlePoolMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  /**
   * The pool whose every connection goes to `pinned` for this origin. Dispatch on it at once
   * (in the same tick): a later call may close it.
   */
  poolFor(url: URL, pinned: ResolvedAddress): Pool {
    const now = this.now();
    const key = `${url.origin} ${pinned.family} ${pinned.address}`;
    const entry = this.pools.get(key);
    this.pools.delete(key);
    for (const [other, { pool, lastUsed }] of this.pools)
      if (now - lastUsed > this.idlePoolMs) this.drop(other, pool);
    const pool =
      entry?.pool ??
      new Pool(url.origin, {
        connect: { lookup: pinnedLookup(pinned) },
        keepAliveTimeout: this.idleSocketMs,
        keepAliveMaxTimeout: this.idleSocketMs,
      });
    this.pools.set(key, { pool, lastUsed: now });
    while (this.pools.size > this.maxPools) {
      const [oldest, { pool: evicted }] = this.pools.entries().next().value!;
      this.drop(oldest, evicted);
    }
    return pool;
  }

  /** How many pools are open. */
  get size(): number {
    return this.pools.size;
  }

  /** Closes every pool (requests in flight finish first). */
  async close(): Promise<void> {
    const pools = [...this.pools.values()].map((entry) => entry.pool);
    this.pools.clear();
    await Promise.all(pools.map((pool) => pool.close()));
  }

  private drop(key: string, pool: Pool): void {
    this.pools.delete(key);
    // Graceful: requests already dispatched on it finish; nothing new is handed this pool.
    void pool.close().catch(() => undefined);
  }
}

/** A pooled exchange's answer: its body streams (the size cap and deadline apply while it is read). */
export type PooledResponse =
  | { ok: true; status: number; headers: IncomingHttpHeaders; body: ReadableStream<Uint8Array> | null }
  | { ok: false; error: NodeJS.ErrnoException };

/** Statuses whose answer has no body (the Fetch standard's null body statuses). */
export const NULL_BODY_STATUSES: ReadonlySet<number> = new Set([204, 205, 304]);

/**
 * `pinnedRequest` on a kept-alive connection from `pools`: same deadline, size cap and
 * never-follow-redirects rule, no egress proxy (callers send proxied requests with
 * `pinnedRequest`). The body is not buffered here but streamed to the reader, which saves two
 * copies of every answer; reading it fails with the same `too-large` or `timeout` codes. Never
 * throws.
 */
export async function pooledRequest(
  pools: PinnedPools,
  options: Omit<PinnedRequest, "proxy" | "ca">,
): Promise<PooledResponse> {
  const deadline = exchangeDeadline(options.timeoutMs, options.signal);
  const timedOut = () => deadline.signal.reason === DEADLINE_PASSED;
  try {
    const { statusCode, headers, body } = await pools.poolFor(options.url, options.pinned).request({
      method: options.method,
      path: `${options.url.pathname}${options.url.search}`,
      headers: options.headers,
      body: options.body,
      signal: deadline.signal,
    });
    if (Number(headers["content-length"] ?? 0) > options.maxBytes) {
      deadline.end();
      // The connection is closed rather than drained (a destroyed body errs; nobody listens).
      body.on("error", () => undefined).destroy();
      return { ok: false, error: coded(TOO_LARGE_CODE) };
    }
    if (NULL_BODY_STATUSES.has(statusCode)) {
      await body.dump();
      deadline.end();
      return { ok: true, status: statusCode, headers, body: null };
    }
    async function* capped(): AsyncGenerator<Uint8Array> {
      let size = 0;
      try {
        for await (const chunk of body as AsyncIterable<Buffer>) {
          size += chunk.length;
          if (size > options.maxBytes) throw coded(TOO_LARGE_CODE);
          yield chunk;
        }
      } catch (error) {
        throw timedOut() ? coded(TIMEOUT_CODE) : error;
      } finally {
        // Read to the end, failed or cancelled: the deadline covered the body until now.
        deadline.end();
      }
    }
    return { ok: true, status: statusCode, headers, body: streamOf(capped()) };
  } catch (error) {
    deadline.end();
    return { ok: false, error: timedOut() ? coded(TIMEOUT_CODE) : (error as NodeJS.ErrnoException) };
  }
}

/** The reason an exchange is aborted with when its deadline passes. */
const DEADLINE_PASSED = Symbol("deadline passed");

/**
 * One signal that aborts at `timeoutMs` or when the caller's `signal` does (with its reason):
 * a timer and a listener, removed by `end()` once the body is read. Costs a fifth of
 * `AbortSignal.any([signal, AbortSignal.timeout(ms)])`, whose timer also outlives the exchange.
 */
function exchangeDeadline(timeoutMs: number, signal: AbortSignal | undefined) {
  const controller = new AbortController();
  const follow = () => controller.abort(signal?.reason);
  const timer = setTimeout(() => controller.abort(DEADLINE_PASSED), timeoutMs);
  // Like AbortSignal.timeout: a pending deadline does not keep the process alive.
  timer.unref();
  if (signal?.aborted) follow();
  else signal?.addEventListener("abort", follow, { once: true });
  return {
    signal: controller.signal,
    end() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", follow);
    },
  };
}

/** A web stream that pulls from `chunks`; cancelling it closes the iterator (and so the socket's body). */
function streamOf(chunks: AsyncGenerator<Uint8Array>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

function coded(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(code), { code });
}
