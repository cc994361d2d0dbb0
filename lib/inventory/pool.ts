/**
 * Run `task` over `items` with at most `limit` in flight, in order of start. Never rejects:
 * tasks handle their own errors (a failing connection must not stop the others).
 */
export async function runBounded<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await task(item).catch(() => undefined);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

/**
 * Run `read` over `items` with at most `limit` reads in flight, and `store` on each result as it
 * arrives, without holding a read slot: the next read starts while the previous result is being
 * stored. `prepare` runs for each item one round of `limit` reads ahead of its read (e.g. loading
 * what the read needs from a database that the stores keep busy), so reads never queue behind
 * stores. Settles when every read and store did. Never rejects (tasks handle their own errors).
 */
export async function runPipelined<T, P, R>(
  items: readonly T[],
  limit: number,
  steps: {
    prepare: (item: T) => Promise<P>;
    read: (item: T, prepared: Promise<P>) => Promise<R>;
    store: (item: T, result: R) => Promise<void>;
  },
): Promise<void> {
  const prepared = new Map<number, Promise<P>>();
  const prepare = (index: number) => {
    if (index >= items.length || prepared.has(index)) return;
    const pending = steps.prepare(items[index]!);
    pending.catch(() => undefined); // read sees the failure
    prepared.set(index, pending);
  };
  const width = Math.max(1, limit);
  for (let i = 0; i < Math.min(width, items.length); i++) prepare(i);
  const stores: Promise<void>[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      prepare(index);
      prepare(index + width);
      const item = items[index]!;
      const result = await steps.read(item, prepared.get(index)!).catch(() => undefined);
      prepared.delete(index);
      if (result !== undefined) stores.push(steps.store(item, result).catch(() => undefined));
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  await Promise.all(stores);
}

/** Group items by a key, keeping order within each group. */
export function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}
