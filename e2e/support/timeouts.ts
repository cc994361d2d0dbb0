// Bounds, not expectations: on a busy 2-core machine (a build running beside the suite) a refresh
// of every sandbox connection or a long journey can take many times its usual duration. Tests
// wait for the event itself; these only say when to give up.

/** One "Refresh all" run, which reads every sandbox connection of every vendor. */
export const REFRESH_RUN_TIMEOUT = 120_000;

/** A journey that runs inventory refreshes or many vendor round trips. */
export const LONG_JOURNEY_TIMEOUT = 300_000;

/** A second dashboard server booting and migrating a fresh database (the standalone journey). */
export const SERVER_BOOT_TIMEOUT = 240_000;
