import type { SharedRuntime } from "../runtime";

/** What seeding needs: everything but the state it builds. */
export type SeedContext = SharedRuntime;

/** Which data to load: the full demo, or identities and credentials only. */
export type SeedName = "demo" | "empty";

export const DAY_MS = 24 * 3600 * 1000;

/** `now` shifted by whole days. */
export function daysFrom(now: Date, days: number): Date {
  return new Date(now.getTime() + days * DAY_MS);
}
