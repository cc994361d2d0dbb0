import "server-only";

/** One window a request draws from: at most `limit` requests in any `windowMs`, per key. */
export interface RateBucket {
  /** The vendor account (and method class) the window belongs to, e.g. `uipath:GET:<org>`. */
  key: string;
  limit: number;
  windowMs: number;
  /** Slots of each window that only writes may use, so a busy list never starves a rotation. */
  reservedForWrites: number;
}

/** The time source of a limiter; tests drive it by hand. */
export interface LimiterClock {
  now(): number;
  /** Calls `fn` after `ms`; returns a cancel function. */
  setTimer(ms: number, fn: () => void): () => void;
}

/** Thrown when a request would wait for a slot longer than it may: `retryAfterMs` says when to try. */
export class RateBudgetExhausted extends Error {
  override readonly name = "RateBudgetExhausted";
  constructor(readonly retryAfterMs: number) {
    super(`The local rate budget has no slot for ${Math.ceil(retryAfterMs / 1000)} s`);
  }
}

interface Waiter {
  seq: number;
  buckets: readonly RateBucket[];
  write: boolean;
  enqueuedAt: number;
  deadline: number;
  resolve: (waitedMs: number) => void;
  reject: (error: Error) => void;
}

const realClock: LimiterClock = {
  now: () => Date.now(),
  setTimer: (ms, fn) => {
    const timer = setTimeout(fn, ms);
    timer.unref?.();
    return () => clearTimeout(timer);
  },
};

/**
 * A sliding-window limiter shared by every request of the process: a request is admitted only
 * when each of its buckets has had fewer than its limit admissions in the last window, so no
 * window of that length ever holds more. Waiting writes are admitted before waiting reads, and
 * reads may not use the slots reserved for writes; within a class, first come first served.
 */
export class SlidingWindowLimiter {
  private readonly admitted = new Map<string, number[]>();
  private readonly holds = new Map<string, number>();
  private readonly waiters: Waiter[] = [];
  private seq = 0;
  private cancelWake: (() => void) | undefined;
  private wakeAt = Infinity;

  constructor(private readonly clock: LimiterClock = realClock) {}

  /**
   * Forget what was admitted and every pause (nothing may be waiting). For tests that reset the
   * sandbox, which starts the simulated vendor's own windows afresh: the budget follows it.
   */
  forgetWindows(): void {
    if (this.waiters.length > 0) throw new Error("requests are waiting for the rate budget");
    this.admitted.clear();
    this.holds.clear();
  }

  /**
   * Waits for a slot in every bucket and resolves with the milliseconds waited. Rejects with
   * `RateBudgetExhausted` at once when the expected wait exceeds `maxWaitMs`, or when it runs out;
   * with `signal.reason` when `signal` aborts first (the request leaves the queue, taking no slot).
   */
  acquire(
    buckets: readonly RateBucket[],
    options: { write: boolean; maxWaitMs: number; signal?: AbortSignal },
  ): Promise<number> {
    if (options.signal?.aborted) return Promise.reject(options.signal.reason as Error);
    if (buckets.length === 0) return Promise.resolve(0);
    const now = this.clock.now();
    // Nobody waiting and a slot free in every bucket (the usual case): admitted at once, as the
    // queue below would admit it, without queueing, sorting and a pass over the queue.
    if (this.waiters.length === 0 && this.admissibleNow(buckets, options.write, now)) {
      for (const bucket of buckets) this.window(bucket.key, now, bucket.windowMs).push(now);
      return Promise.resolve(0);
    }
    return new Promise<number>((resolve, reject) => {
      const waiter: Waiter = {
        seq: this.seq++,
        buckets,
        write: options.write,
        enqueuedAt: now,
        deadline: now + options.maxWaitMs,
        resolve,
        reject,
      };
      this.waiters.push(waiter);
      this.waiters.sort(byPriority);
      this.pump();
      if (!this.waiters.includes(waiter)) return;
      const expected = this.expectedWait(waiter, now);
      const { signal } = options;
      if (expected > options.maxWaitMs) this.drop(waiter, expected);
      else if (signal) {
        const leave = () => this.leave(waiter, signal.reason as Error);
        signal.addEventListener("abort", leave, { once: true });
        // Admitted or dropped, the waiter stops listening: a scope's signal outlives its requests.
        const settle = () => signal.removeEventListener("abort", leave);
        waiter.resolve = (waitedMs) => {
          settle();
          resolve(waitedMs);
        };
        waiter.reject = (error) => {
          settle();
          reject(error);
        };
      }
      this.schedule();
    });
  }

  /** Admits nothing on these keys for `ms` from now: the vendor answered 429 with Retry-After. */
  holdFor(keys: readonly string[], ms: number): void {
    const until = this.clock.now() + ms;
    for (const key of keys) this.holds.set(key, Math.max(this.holds.get(key) ?? 0, until));
    this.schedule();
  }

  /** Requests waiting for a slot now (for tests and diagnostics). */
  get waiting(): number {
    return this.waiters.length;
  }

  private pump(): void {
    const now = this.clock.now();
    const blocked = new Set<string>();
    for (const waiter of [...this.waiters]) {
      if (waiter.buckets.some((b) => blocked.has(b.key))) {
        if (now >= waiter.deadline) this.drop(waiter, this.expectedWait(waiter, now));
        continue;
      }
      if (this.admissible(waiter, now)) {
        for (const bucket of waiter.buckets) this.window(bucket.key, now, bucket.windowMs).push(now);
        this.remove(waiter);
        waiter.resolve(now - waiter.enqueuedAt);
        continue;
      }
      // Later waiters of the same accounts queue behind this one: no overtaking within a class.
      for (const bucket of waiter.buckets) blocked.add(bucket.key);
      if (now >= waiter.deadline) this.drop(waiter, this.expectedWait(waiter, now));
    }
  }

  private admissible(waiter: Waiter, now: number): boolean {
    return this.admissibleNow(waiter.buckets, waiter.write, now);
  }

  private admissibleNow(buckets: readonly RateBucket[], write: boolean, now: number): boolean {
    return buckets.every((bucket) => {
      if ((this.holds.get(bucket.key) ?? 0) > now) return false;
      const cap = write ? bucket.limit : bucket.limit - bucket.reservedForWrites;
      return this.window(bucket.key, now, bucket.windowMs).length < cap;
    });
  }

  /** The admissions of `key` still inside the window ending now (older ones are forgotten). */
  private window(key: string, now: number, windowMs: number): number[] {
    let times = this.admitted.get(key);
    if (!times) {
      times = [];
      this.admitted.set(key, times);
    }
    let expired = 0;
    while (expired < times.length && times[expired]! <= now - windowMs) expired++;
    if (expired > 0) times.splice(0, expired);
    return times;
  }

  /**
   * When `waiter` can expect its slot: each waiter ahead of it on a bucket takes the next slot
   * that frees up, and an admission frees its slot one window later.
   */
  private expectedWait(waiter: Waiter, now: number): number {
    const ahead = this.waiters.slice(0, this.waiters.indexOf(waiter));
    let latest = now;
    for (const bucket of waiter.buckets) {
      const cap = Math.max(1, waiter.write ? bucket.limit : bucket.limit - bucket.reservedForWrites);
      const times = [...this.window(bucket.key, now, bucket.windowMs)];
      const queued = ahead.filter((w) => w.buckets.some((b) => b.key === bucket.key)).length;
      let at = now;
      for (let j = 0; j <= queued; j++) {
        const freeing = times.length - cap + j;
        at = freeing < 0 ? now : Math.max(now, times[freeing]! + bucket.windowMs);
        times.push(at);
      }
      latest = Math.max(latest, at, this.holds.get(bucket.key) ?? 0);
    }
    return latest - now;
  }

  private drop(waiter: Waiter, retryAfterMs: number): void {
    this.remove(waiter);
    waiter.reject(new RateBudgetExhausted(Math.max(1, retryAfterMs)));
  }

  /** A waiter gives up before its slot came: it leaves the queue, and those behind it may move up. */
  private leave(waiter: Waiter, reason: Error): void {
    if (!this.waiters.includes(waiter)) return;
    this.remove(waiter);
    waiter.reject(reason);
    this.pump();
    this.schedule();
  }

  private remove(waiter: Waiter): void {
    const index = this.waiters.indexOf(waiter);
    if (index >= 0) this.waiters.splice(index, 1);
  }

  /** Wakes at the next moment a waiter may change state: a slot frees, a hold ends, a deadline passes. */
  private schedule(): void {
    const now = this.clock.now();
    let next = Infinity;
    for (const waiter of this.waiters) {
      next = Math.min(next, waiter.deadline);
      for (const bucket of waiter.buckets) {
        const oldest = this.window(bucket.key, now, bucket.windowMs)[0];
        if (oldest !== undefined) next = Math.min(next, oldest + bucket.windowMs);
        const hold = this.holds.get(bucket.key);
        if (hold !== undefined && hold > now) next = Math.min(next, hold);
      }
    }
    if (next === this.wakeAt) return;
    this.cancelWake?.();
    this.cancelWake = undefined;
    this.wakeAt = next;
    if (next === Infinity) return;
    this.cancelWake = this.clock.setTimer(Math.max(0, next - now), () => {
      this.cancelWake = undefined;
      this.wakeAt = Infinity;
      this.pump();
      this.schedule();
    });
  }
}

function byPriority(a: Waiter, b: Waiter): number {
  return Number(b.write) - Number(a.write) || a.seq - b.seq;
}

const holder = globalThis as typeof globalThis & { __trustdeckRateLimiter?: SlidingWindowLimiter };

/** The limiter every vendor request of this process goes through (scheduled refresh included). */
export function processRateLimiter(): SlidingWindowLimiter {
  holder.__trustdeckRateLimiter ??= new SlidingWindowLimiter();
  return holder.__trustdeckRateLimiter;
}
