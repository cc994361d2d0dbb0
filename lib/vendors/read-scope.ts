import "server-only";

import { AsyncLocalStorage } from "node:async_hooks";

// Reads whose answer nobody waits for any more must stop spending the vendor account's rate
// budget. A caller that starts several reads at once (an inventory refresh reads a connection's
// certificate sets and its federated credentials side by side, and an adapter its sets) runs them
// in a read scope and abandons the scope once its outcome is decided: every vendor read started
// inside it then stops where it is (waiting for the rate budget, in flight, or backing off before
// a retry) and sends nothing more. Writes never look at a scope: once sent, a write runs to its end.

const scope = new AsyncLocalStorage<AbortSignal>();

/** The reason a read stopped: its scope was abandoned, its answer is no longer used. */
export class ReadAbandoned extends Error {
  override readonly name = "ReadAbandoned";
  constructor() {
    super("The read was abandoned: its answer is no longer used");
  }
}

/** Runs `reads` in a scope that is abandoned when `signal` aborts (or an enclosing scope is). */
export function abandonReadsOn<T>(signal: AbortSignal, reads: () => T): T {
  const outer = scope.getStore();
  return scope.run(outer ? AbortSignal.any([outer, signal]) : signal, reads);
}

/**
 * Runs work shared by several callers in a scope of its own, governed by `signal` alone (no
 * caller's scope applies: one caller giving up must not stop what others still wait for).
 * Without `signal`, the work is never abandoned.
 */
export function runSharedReads<T>(signal: AbortSignal | undefined, reads: () => T): T {
  return signal ? scope.run(signal, reads) : scope.exit(reads);
}

/** The signal that abandons reads started now, if they run in a read scope. */
export function readScopeSignal(): AbortSignal | undefined {
  return scope.getStore();
}

/** Resolves with `wait`, or rejects with the abandonment once `signal` aborts. */
export function unlessAbandoned<T>(wait: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return wait;
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const abandon = () => reject(signal.reason as Error);
    signal.addEventListener("abort", abandon, { once: true });
    wait.then(resolve, reject).finally(() => signal.removeEventListener("abort", abandon));
  });
}

/**
 * How many callers still wait for one shared read: its signal aborts once every caller that
 * joined with a scope has abandoned it, and never when a caller joined outside any scope.
 */
export class SharedReadInterest {
  private readonly controller = new AbortController();
  private readonly listening: { caller: AbortSignal; abandon: () => void }[] = [];
  private waiting = 0;
  private kept = false;

  /** The signal the shared read runs under. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** A caller joins, with the signal of its scope (none: it waits for the answer whatever happens). */
  join(caller: AbortSignal | undefined): void {
    if (!caller) {
      this.kept = true;
      return;
    }
    if (caller.aborted) return this.leave();
    this.waiting++;
    const abandon = () => {
      this.waiting--;
      this.leave();
    };
    caller.addEventListener("abort", abandon, { once: true });
    this.listening.push({ caller, abandon });
  }

  /**
   * The shared read has settled, its answer given: anything it started and did not wait for (a
   * sibling read still going when one failed) is abandoned now, since nobody can use its answer,
   * and its callers' scopes, which may live on, are no longer listened to.
   */
  settled(): void {
    for (const { caller, abandon } of this.listening.splice(0)) caller.removeEventListener("abort", abandon);
    this.controller.abort(new ReadAbandoned());
  }

  private leave(): void {
    if (this.waiting === 0 && !this.kept) this.controller.abort(new ReadAbandoned());
  }
}
