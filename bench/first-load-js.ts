// First-load JavaScript per route, read from a production build's manifests: the chunks every
// page loads (build-manifest.json's rootMainFiles) plus the chunks of the route's own tree
// (layouts, error and not-found boundaries, the page: `entryJSFiles` of its client reference
// manifest). Each chunk is gzipped (level 9, as a CDN would) and the set summed once per route.
// Prints route → kB and flags routes over the budget. Printed, never asserted.
//
//   npx tsx bench/first-load-js.ts [distDir]        # default: $NEXT_DIST_DIR or .next
//   npx tsx bench/first-load-js.ts .next-test --top=8   # also the 8 largest chunks of the heaviest route
//   npx tsx bench/first-load-js.ts .next-test --top=8 --route=/users   # ... of that route
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";

const BUDGET_KB = 150;
const ROOT = resolve(__dirname, "..");
const flag = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const distArg = process.argv.slice(2).find((a) => !a.startsWith("--"));
const DIST = resolve(ROOT, distArg ?? process.env.NEXT_DIST_DIR ?? ".next");
const TOP = Number(flag("top") ?? 0);
const ROUTE = flag("route"); // the route whose largest chunks --top lists (default: the heaviest)

type ClientReferenceManifest = { entryJSFiles?: Record<string, string[]> };

/** Every `page_client-reference-manifest.js` under server/app: one per page route. */
function pageManifests(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return pageManifests(path);
    return entry.name === "page_client-reference-manifest.js" ? [path] : [];
  });
}

/** "/(dashboard)/certificates/(list)" → "/certificates"; route groups are not in the URL. */
function routeOf(manifestPath: string): string {
  const segments = relative(join(DIST, "server", "app"), manifestPath)
    .split(sep)
    .slice(0, -1);
  const visible = segments.filter((s) => !(s.startsWith("(") && s.endsWith(")")));
  return `/${visible.join("/")}`;
}

/** The manifest is a script assigning globalThis.__RSC_MANIFEST[page]; run it in a bare context. */
function entryFiles(manifestPath: string): string[] {
  const context: { self?: unknown; globalThis?: unknown; __RSC_MANIFEST?: Record<string, unknown> } = {};
  context.self = context;
  context.globalThis = context;
  runInNewContext(readFileSync(manifestPath, "utf8"), context);
  const manifests = Object.values(context.__RSC_MANIFEST ?? {}) as ClientReferenceManifest[];
  return manifests.flatMap((m) => Object.values(m.entryJSFiles ?? {}).flat());
}

const gzipCache = new Map<string, number>();
function gzipBytes(file: string): number {
  let size = gzipCache.get(file);
  if (size === undefined) {
    size = gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;
    gzipCache.set(file, size);
  }
  return size;
}

const kb = (bytes: number) => (bytes / 1000).toFixed(1);

function main(): void {
  const buildManifestPath = join(DIST, "build-manifest.json");
  if (!existsSync(buildManifestPath)) {
    console.error(`No build in ${relative(ROOT, DIST) || "."}/: run \`npx next build\` first.`);
    process.exit(1);
  }
  const { rootMainFiles = [] } = JSON.parse(readFileSync(buildManifestPath, "utf8")) as {
    rootMainFiles?: string[];
  };
  const shared = rootMainFiles.filter((f) => f.endsWith(".js"));
  const rows = pageManifests(join(DIST, "server", "app"))
    .map((path) => {
      const files = [...new Set([...shared, ...entryFiles(path)])].filter((f) => f.endsWith(".js"));
      return { route: routeOf(path), files, bytes: files.reduce((n, f) => n + gzipBytes(f), 0) };
    })
    .filter((row) => row.route !== "/_global-error")
    .sort((a, b) => a.route.localeCompare(b.route));

  const sharedBytes = shared.reduce((n, f) => n + gzipBytes(f), 0);
  const width = Math.max(...rows.map((r) => r.route.length));
  console.log(`First-load JS (gzip -9) in ${relative(ROOT, DIST)}/, budget ${BUDGET_KB} kB`);
  console.log(
    `  ${"shared by all".padEnd(width)}  ${kb(sharedBytes).padStart(6)} kB  (${shared.length} chunks)`,
  );
  for (const row of rows) {
    const over = row.bytes / 1000 > BUDGET_KB ? "  OVER BUDGET" : "";
    console.log(
      `  ${row.route.padEnd(width)}  ${kb(row.bytes).padStart(6)} kB  (${row.files.length} chunks)${over}`,
    );
  }
  const overCount = rows.filter((r) => r.bytes / 1000 > BUDGET_KB).length;
  const heaviest = rows.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  console.log(
    `heaviest: ${heaviest.route} ${kb(heaviest.bytes)} kB; ${overCount} of ${rows.length} routes over budget`,
  );
  if (TOP > 0) {
    const listed = rows.find((row) => row.route === ROUTE) ?? heaviest;
    console.log(`largest chunks of ${listed.route} (* = shared by all routes):`);
    for (const file of [...listed.files].sort((a, b) => gzipBytes(b) - gzipBytes(a)).slice(0, TOP))
      console.log(`  ${kb(gzipBytes(file)).padStart(6)} kB  ${file}${shared.includes(file) ? " *" : ""}`);
  }
}

main();
