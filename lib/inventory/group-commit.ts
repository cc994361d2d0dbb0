/**
 * Gather single calls into batches, as a database's group commit does: a call waits only for the
 * batch in progress, if any, and then goes with every call that arrived meanwhile. A lone call
 * waits for nothing (one turn of the event loop, so that answers ready at the same moment go
 * together). `run` answers one result per item, in order; a result may be a promise, so one item
 * can fail alone. If `run` throws, every item of its batch fails with that error.
 */
export function groupCommit<T, R>(run: (items: T[]) => Promise<(R | Promise<R>)[]>): (item: T) => Promise<R> {
  let waiting: { item: T; resolve: (value: R | Promise<R>) => void; reject: (error: unknown) => void }[] = [];
  let busy = false;

  const next = () => {
    if (busy || waiting.length === 0) return;
    busy = true;
    setImmediate(async () => {
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
    });
  };

  return (item) =>
    new Promise<R>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      next();
    });
}
