import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEMO_DIST_DIR, SUITE_DIST_DIR, suiteBuildEnv } from "./lib/build-dirs.cjs";

const ROOT = join(import.meta.dirname, "..");

/** Files git tracks, plus new ones it would track (not ignored). */
function repositoryFiles(): string[] {
  const listed = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  return [...new Set(listed.split("\0").filter(Boolean))];
}

// Documents that live outside this repository. Spelled in pieces so that this file does not
// match itself.
const OUTSIDE_REFERENCES = [
  [".", ".", "/", "shared"].join(""),
  ["/work", "/shared"].join(""),
  ["vendor", "-docs"].join(""),
  ["vendor", "-apis.md"].join(""),
  ["stack", "-notes"].join(""),
  ["stack", " notes"].join(""),
  ["steering", " repository"].join(""),
];

describe("documents in the repository", () => {
  it("no file points at a document outside the repository; docs/ holds what code and READMEs cite", () => {
    const offenders: string[] = [];
    for (const file of repositoryFiles()) {
      let text: string;
      try {
        text = readFileSync(join(ROOT, file), "utf8");
      } catch {
        continue; // deleted in the work tree but not yet in the index
      }
      if (text.includes("\0")) continue; // binary (the README's screenshot)
      text.split("\n").forEach((line, index) => {
        for (const reference of OUTSIDE_REFERENCES)
          if (line.toLowerCase().includes(reference)) offenders.push(`${file}:${index + 1}: ${reference}`);
      });
    }
    expect(offenders).toEqual([]);
  });

  it("the documents the code cites exist", () => {
    for (const doc of ["docs/architecture.md", "docs/vendor-contracts.md"])
      expect(readFileSync(join(ROOT, doc), "utf8").length).toBeGreaterThan(1000);
  });
});

/** The build folder Next.js itself resolves from next.config.mjs under `env`. */
function distDirUnder(env: Record<string, string | undefined>): string {
  const script = `require("next/dist/server/config").default("phase-production-build", process.cwd(), { silent: true }).then((c) => process.stdout.write(c.distDir))`;
  return execFileSync(process.execPath, ["-e", script], {
    cwd: ROOT,
    env: env as NodeJS.ProcessEnv,
    encoding: "utf8",
  });
}

describe("the test suite and the demo never share a build folder", () => {
  const baseEnv: Record<string, string | undefined> = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  delete baseEnv.NEXT_DIST_DIR;

  it("Next.js builds the demo into .next and the suite into .next-test", () => {
    const demo = distDirUnder(baseEnv);
    const suite = distDirUnder({ ...baseEnv, ...suiteBuildEnv });
    expect(demo).toBe(DEMO_DIST_DIR);
    expect(suite).toBe(SUITE_DIST_DIR);
    expect(suite).not.toBe(demo);
  });

  it("npm test builds, and the e2e server serves, the suite's folder; the demo never names it", () => {
    const testAll = readFileSync(join(ROOT, "scripts/test-all.mjs"), "utf8");
    expect(testAll).toMatch(/step\("build", "next", \["build"\], suiteBuildEnv\)/);
    const e2eServer = readFileSync(join(ROOT, "scripts/e2e-server.mjs"), "utf8");
    expect(e2eServer).toMatch(/const env = \{\s*\.\.\.suiteBuildEnv,/);
    const demo = readFileSync(join(ROOT, "scripts/demo.mjs"), "utf8");
    expect(demo).not.toContain(SUITE_DIST_DIR);
    expect(demo).not.toContain("suiteBuildEnv");
  });

  it("the suite's folder is ignored by git, Prettier, ESLint and the typecheck", () => {
    const ignored = execFileSync("git", ["check-ignore", "--no-index", `${SUITE_DIST_DIR}/BUILD_ID`], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(ignored.trim()).toBe(`${SUITE_DIST_DIR}/BUILD_ID`);
    expect(readFileSync(join(ROOT, ".prettierignore"), "utf8")).toMatch(/^\.next-\*\/$/m);
    expect(readFileSync(join(ROOT, "eslint.config.mjs"), "utf8")).toContain(`"${SUITE_DIST_DIR}/**"`);
    const tsconfig = JSON.parse(readFileSync(join(ROOT, "tsconfig.json"), "utf8")) as { exclude: string[] };
    expect(tsconfig.exclude).toContain(SUITE_DIST_DIR);
  });
});
