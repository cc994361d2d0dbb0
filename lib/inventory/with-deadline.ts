/**
 * Wait for `work` at most `ms`: its value, or `{ done: false }` when the deadline passed first.
 * The work itself goes on (a refresh that outlasts a page still lands in the inventory); only
 * the waiting stops, so one slow source never holds what does not depend on it.
 */
export async function withDeadline<T>(
  work: Promise<T>,
  ms: number,
): Promise<{ done: true; value: T } | { done: false }> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<{ done: false }>((resolve) => {
    timer = setTimeout(() => resolve({ done: false }), ms);
  });
  try {
    return await Promise.race([work.then((value) => ({ done: true as const, value })), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
