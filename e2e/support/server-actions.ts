import { readFileSync } from "node:fs";
import path from "node:path";
import { SUITE_DIST_DIR } from "../../scripts/lib/build-dirs.cjs";

type Manifest = { node: Record<string, { exportedName?: string; filename?: string }> };

/**
 * The id Next.js gave a server action in this build, read from the build's manifest: what an
 * attacker could read from the client bundle of any page that uses the action.
 */
export function serverActionId(exportedName: string): string {
  const manifest = JSON.parse(
    readFileSync(
      path.join(process.cwd(), SUITE_DIST_DIR, "server", "server-reference-manifest.json"),
      "utf8",
    ),
  ) as Manifest;
  const entry = Object.entries(manifest.node).find(([, value]) => value.exportedName === exportedName);
  if (!entry) throw new Error(`server action ${exportedName} is not in the build`);
  return entry[0];
}
