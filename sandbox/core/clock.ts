/**
 * The sandbox clock: real time plus an offset that tests can set or advance.
 * Token expiry, the Huawei X-Sdk-Date window, Cloudflare auto-rotation, the
 * SP certificate EXPIRED state and every createdAt stamp read it, so a test can
 * jump a year ahead without waiting.
 */
export class SandboxClock {
  private offsetMs: number;
  private readonly initialOffsetMs: number;

  /** @param start the time the clock shows now; real time when omitted. */
  constructor(start?: Date) {
    this.offsetMs = start ? start.getTime() - Date.now() : 0;
    this.initialOffsetMs = this.offsetMs;
  }

  /** The sandbox time in epoch milliseconds. */
  nowMs(): number {
    return Date.now() + this.offsetMs;
  }

  /** The sandbox time. */
  now(): Date {
    return new Date(this.nowMs());
  }

  /** Makes the clock show `date` now; it keeps running from there. */
  set(date: Date): Date {
    this.offsetMs = date.getTime() - Date.now();
    return this.now();
  }

  /** Moves the clock by `ms` (negative goes back). */
  advance(ms: number): Date {
    this.offsetMs += ms;
    return this.now();
  }

  /** Back to the start option (or real time). */
  reset(): Date {
    this.offsetMs = this.initialOffsetMs;
    return this.now();
  }
}
