// Restarts a long-running child that stops on its own, within a budget: a crash loop is a failure.

/**
 * Starts a process with `start(attempt)` (which resolves with a handle whose `exited` resolves on
 * exit) and starts it again each time it exits while `stopping()` is false. More than
 * `maxRestarts` exits within `windowMs` rejects, naming the process and its last exit code.
 */
export async function keepRunning({
  name,
  start,
  stopping,
  log = console.log,
  maxRestarts = 3,
  windowMs = 60_000,
}) {
  const exits = [];
  for (let attempt = 0; ; attempt++) {
    const handle = await start(attempt);
    const code = await handle.exited;
    if (stopping()) return;
    const how = code === null || code === undefined ? "killed by a signal" : `exit code ${code}`;
    const now = Date.now();
    exits.push(now);
    while (exits.length > 0 && now - exits[0] > windowMs) exits.shift();
    if (exits.length > maxRestarts)
      throw new Error(
        `${name} stopped ${exits.length} times within ${Math.round(windowMs / 1000)} s (last: ${how})`,
      );
    log(`demo: ${name} stopped (${how}); starting it again`);
  }
}
