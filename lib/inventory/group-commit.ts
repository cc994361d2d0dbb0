/** A batched call: after `flush` (nothing more is coming), what waits goes without gathering. */
export type Batched<T, R> = ((item: T) => Promise<R>) & { flush: () => void };

/**
 * Gather single calls into batches, as a database's group commit does: a call waits only for the
 * batch in progress, if any, and then goes with every call that arrived meanwhile. A lone call
 * waits `gatherMs` for others (by default one turn of the event loop, so that answers ready at
 * the same moment go together); after `flush`, not at all. `run` answers one result per item, in order; a
 * result may be a promise, so one item can fail alone. If `run` throws, every item of its batch
 * fails with that error.
 */
export function groupCommit<T, R>(
  run: (items: T[]) => Promise<(R | Promise<R>)[]>,
  gatherMs = 0,
): Batched<T, R> {
  let waiting: { item: T; resolve: (value: R | Promise<R>) => void; reject: (error: unknown) => void }[] = [];
  let busy = false;
  let gathering: NodeJS.Timeout | undefined;
  let draining = false;

  const runBatch = async () => {
    gathering = undefined;
    const batch = waiting;
    waiting = [];
    try {
      const results = await run(batch.map((w) => w.item));
      batch.forEach((w, i) => w.resolve(results[i]!));
    } catch (error) {
      for (const w of batch) w.reject(error);
    } finally {
      busy = false;
      next();
    }
  };

  const next = () => {
    if (busy || waiting.length === 0) return;
    busy = true;
    if (gatherMs > 0 && !draining) gathering = setTimeout(() => void runBatch(), gatherMs);
    else setImmediate(() => void runBatch());
  };

  const call = (item: T) =>
    new Promise<R>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      next();
    });
  return Object.assign(call, {
    flush: () => {
      draining = true;
      if (!gathering) return;
      clearTimeout(gathering);
      gathering = undefined;
      setImmediate(() => void runBatch());
    },
  });
}
