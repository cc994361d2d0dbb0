import "server-only";
import { closeSync, mkdirSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";

/** Who holds a PGlite folder: written into its lock file. */
export interface LockOwner {
  pid: number;
  hostname: string;
  startedAt: string;
  command: string;
}

/** A held lock; `release` is idempotent and also runs when the process exits. */
export interface PgliteLock {
  file: string;
  release(): void;
}

/** Raised when another live process holds the folder. */
export class DatabaseLockedError extends Error {
  constructor(
    readonly folder: string,
    readonly owner: LockOwner | undefined,
    readonly lockFile: string,
  ) {
    const who = owner
      ? `process ${owner.pid} on ${owner.hostname} (${owner.command}, started ${owner.startedAt})`
      : `another process (its lock file ${lockFile} is unreadable)`;
    super(
      `The PGlite database folder ${folder} is in use by ${who}. PGlite allows one process per folder: ` +
        `stop that process first, or use PostgreSQL (DATABASE_URL) to run several.`,
    );
    this.name = "DatabaseLockedError";
  }
}

/** A takeover older than this was abandoned by a crashed process. */
const TAKEOVER_STALE_MS = 10_000;
const RETRY_MS = 20;
/** Enough rounds to outlast another process's takeover, or an abandoned one. */
const MAX_ATTEMPTS = Math.ceil(TAKEOVER_STALE_MS / RETRY_MS) + 10;

/** Blocks this thread briefly: acquiring happens once, before anything else runs. */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** The lock file sits beside the folder, so taking it touches nothing inside the database. */
export function lockFileFor(folder: string): string {
  const resolved = path.resolve(folder);
  return path.join(path.dirname(resolved), `${path.basename(resolved)}.lock`);
}

/**
 * Takes the one-writer lock of a PGlite folder before anything opens it: an exclusive-create lock
 * file holding the owner's pid, host and start time. A lock whose pid no longer runs on this host
 * is stale and taken over (`onStale` is told); a live owner, or one on another host, refuses.
 */
export function acquirePgliteLock(
  folder: string,
  options: { onStale?: (owner: LockOwner | undefined) => void } = {},
): PgliteLock {
  const resolved = path.resolve(folder);
  const file = lockFileFor(resolved);
  mkdirSync(path.dirname(file), { recursive: true });
  const me: LockOwner = {
    pid: process.pid,
    hostname: hostname(),
    startedAt: new Date(Date.now() - process.uptime() * 1000).toISOString(),
    command:
      process.argv
        .slice(1, 3)
        .map((a) => path.basename(a))
        .join(" ") || "node",
  };
  const content = `${JSON.stringify(me)}\n`;

  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    if (tryCreate(file, content)) return held(file, content);
    const existing = readOwner(file);
    if (existing.state === "gone") continue; // released between our two steps: try again
    if (existing.state === "unreadable" || isAlive(existing.owner))
      throw new DatabaseLockedError(resolved, existing.owner, file);
    if (takeOverStale(file, existing.raw)) options.onStale?.(existing.owner);
    else sleepSync(RETRY_MS); // another process is taking the stale lock over: see who wins
  }
  throw new DatabaseLockedError(resolved, readOwnerOrUndefined(file), file);
}

function tryCreate(file: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, "wx", 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  return true;
}

type ReadResult =
  | { state: "gone" }
  | { state: "unreadable"; owner: undefined }
  | { state: "read"; owner: LockOwner; raw: string };

function readOwner(file: string): ReadResult {
  let raw: string;
  try {
    raw = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { state: "gone" };
    throw error;
  }
  try {
    const owner = JSON.parse(raw) as LockOwner;
    if (Number.isInteger(owner.pid) && typeof owner.hostname === "string")
      return { state: "read", owner, raw };
  } catch {
    // fall through: a lock we cannot read is treated as held
  }
  return { state: "unreadable", owner: undefined };
}

function readOwnerOrUndefined(file: string): LockOwner | undefined {
  const result = readOwner(file);
  return result.state === "read" ? result.owner : undefined;
}

/** Whether the owner may still be running: only a pid on this host can be checked. */
function isAlive(owner: LockOwner): boolean {
  if (owner.hostname !== hostname()) return true;
  if (owner.pid === process.pid) return true; // this process holds it already
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes a stale lock under a second exclusive file, so two processes that both found it stale
 * cannot each delete the other's fresh lock. Returns false when someone else is taking over.
 */
function takeOverStale(file: string, staleRaw: string): boolean {
  const takeover = `${file}.takeover`;
  if (!tryCreate(takeover, String(process.pid))) {
    try {
      if (Date.now() - statSync(takeover).mtimeMs > TAKEOVER_STALE_MS) unlinkSync(takeover);
    } catch {
      // gone already
    }
    return false;
  }
  try {
    const again = readOwner(file);
    if (again.state === "read" && again.raw === staleRaw) unlinkSync(file);
  } finally {
    unlinkSync(takeover);
  }
  return true;
}

function held(file: string, content: string): PgliteLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off("exit", release);
    try {
      // Only our own lock: never delete one a later owner wrote after a takeover.
      if (readFileSync(file, "utf8") === content) unlinkSync(file);
    } catch {
      // already gone
    }
  };
  process.on("exit", release);
  return { file, release };
}
