// The production server the demo and the e2e suite run: Next.js's standalone `server.js` (what the
// Dockerfile ships), not `next start`, which warns under `output: "standalone"`.
import { cpSync, existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./processes.mjs";

/**
 * Makes `<distDir>/standalone` servable and returns its `server.js`. Next.js leaves the client
 * assets out of that folder (they belong on a CDN); served by the server itself, they are copied
 * beside it as the Next.js docs say: `<distDir>/static` to `standalone/<distDir>/static` and
 * `public/` to `standalone/public` — afresh each time, so no asset of an older build lingers.
 * @param {string} distDir the build folder, relative to the repository (`.next`, `.next-test`)
 */
export function prepareStandalone(distDir) {
  const standalone = join(ROOT, distDir, "standalone");
  const serverJs = join(standalone, "server.js");
  if (!existsSync(serverJs))
    throw new Error(
      `${distDir}/standalone/server.js is missing: build again (next.config.mjs sets output: "standalone")`,
    );
  const copies = [
    [join(ROOT, distDir, "static"), join(standalone, distDir, "static")],
    [join(ROOT, "public"), join(standalone, "public")],
  ];
  for (const [from, to] of copies) {
    rmSync(to, { recursive: true, force: true });
    if (existsSync(from)) cpSync(from, to, { recursive: true });
  }
  return serverJs;
}

/**
 * The environment of a standalone server listening on `host:port`. HOSTNAME is always set: the
 * server binds to it, and shells export the machine's host name under that same variable.
 * @param {string} host
 * @param {number} port
 * @returns {{ NODE_ENV: "production"; HOSTNAME: string; PORT: string }}
 */
export function standaloneEnv(host, port) {
  return { NODE_ENV: "production", HOSTNAME: host, PORT: String(port) };
}
