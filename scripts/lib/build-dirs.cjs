// Where production builds go. The demo serves Next.js's default `.next/`; the test suite builds
// and serves its own copy in `.next-test/`, so `npm test` never rebuilds the folder a running
// demo is serving. next.config.mjs takes the folder from NEXT_DIST_DIR.
// CommonJS so that both Playwright (TypeScript specs) and the .mjs scripts can load it.

/** The build folder of `npm run demo` and `npm run build` (Next.js's default). */
const DEMO_DIST_DIR = ".next";
/** The build folder of the test suite: `npm test`'s build step and the e2e server. */
const SUITE_DIST_DIR = ".next-test";
/** The environment that makes `next build` / `next start` use the suite's folder. */
const suiteBuildEnv = { NEXT_DIST_DIR: SUITE_DIST_DIR };

module.exports = { DEMO_DIST_DIR, SUITE_DIST_DIR, suiteBuildEnv };
