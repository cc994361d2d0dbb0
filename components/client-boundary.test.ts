import { readdirSync, readFileSync, statSync } from "node:fs";
import { isBuiltin } from "node:module";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * Walks the import graph from every `"use client"` file, as the bundler would, and fails when a
 * module the browser could load (or whose types it renders) is server-side: a module that starts
 * with `import "server-only"`, the Drizzle schema, Drizzle itself, or a Node built-in. Type-only
 * imports count too: the shapes the browser renders belong in client-safe modules.
 */

const ROOT = path.resolve(import.meta.dirname, "..");
const SOURCE_DIRS = ["app", "components", "lib"];
const EXTENSIONS = [".ts", ".tsx", ".mts", ".js", ".mjs"];
const SERVER_PACKAGES = [
  /^server-only$/,
  /^drizzle-orm(\/|$)/,
  /^pg$/,
  /^@electric-sql\/pglite/,
  /^next\/headers$/,
];
const SERVER_MODULES = new Set(["lib/db/schema.ts"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "node_modules" ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

const texts = new Map<string, string>();
function text(file: string): string {
  let cached = texts.get(file);
  if (cached === undefined) {
    cached = readFileSync(file, "utf8");
    texts.set(file, cached);
  }
  return cached;
}

/** The first statement, ignoring comments: the directive or the `server-only` import. */
function firstStatement(file: string): string {
  const source = ts.createSourceFile(file, text(file), ts.ScriptTarget.Latest, false);
  return source.statements[0]?.getText(source) ?? "";
}

const isClientEntry = (file: string) => /^["']use client["'];?$/.test(firstStatement(file));
const isServerOnly = (file: string) =>
  /^import\s+["']server-only["'];?$/.test(firstStatement(file)) ||
  SERVER_MODULES.has(path.relative(ROOT, file));

function resolveLocal(specifier: string, from: string): string | null {
  const base = specifier.startsWith("@/")
    ? path.join(ROOT, specifier.slice(2))
    : path.resolve(path.dirname(from), specifier);
  const candidates = [
    base,
    ...EXTENSIONS.map((ext) => base + ext),
    ...EXTENSIONS.map((ext) => path.join(base, `index${ext}`)),
  ];
  return candidates.find((candidate) => statSync(candidate, { throwIfNoEntry: false })?.isFile()) ?? null;
}

type Violation = { entry: string; chain: string[]; reason: string };

/** Breadth-first from one client entry; the chain names how the server module was reached. */
function violationsFrom(entry: string): Violation[] {
  const rel = (file: string) => path.relative(ROOT, file);
  const parents = new Map<string, string | null>([[entry, null]]);
  const queue = [entry];
  const found: Violation[] = [];
  const chainTo = (file: string) => {
    const chain: string[] = [];
    for (let at: string | null | undefined = file; at; at = parents.get(at)) chain.unshift(rel(at));
    return chain;
  };
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const imported of ts.preProcessFile(text(file), true, true).importedFiles) {
      const specifier = imported.fileName;
      if (isBuiltin(specifier) || SERVER_PACKAGES.some((pattern) => pattern.test(specifier))) {
        found.push({ entry: rel(entry), chain: chainTo(file), reason: `imports ${specifier}` });
        continue;
      }
      if (!specifier.startsWith(".") && !specifier.startsWith("@/")) continue;
      const target = resolveLocal(specifier, file);
      if (!target) throw new Error(`${rel(file)}: cannot resolve ${specifier}`);
      if (parents.has(target)) continue;
      parents.set(target, file);
      if (isServerOnly(target)) {
        found.push({ entry: rel(entry), chain: chainTo(target), reason: "is a server module" });
        continue;
      }
      queue.push(target);
    }
  }
  return found;
}

const allFiles = SOURCE_DIRS.flatMap((dir) => sourceFiles(path.join(ROOT, dir)));
const clientEntries = allFiles.filter(isClientEntry);

describe("client boundary", () => {
  it("finds the client components (the walk has something to check)", () => {
    expect(clientEntries.length).toBeGreaterThan(20);
    expect(clientEntries.map((file) => path.relative(ROOT, file))).toContain(
      "components/users/create-user-form.tsx",
    );
  });

  it("no client component reaches a server-only module, the Drizzle schema or a Node built-in", () => {
    const violations = clientEntries.flatMap(violationsFrom);
    expect(violations.map((v) => `${v.chain.join(" → ")} ${v.reason}`)).toEqual([]);
  });

  it("the walk itself catches a server import (a client file importing the schema)", () => {
    const probe = path.join(ROOT, "components/__probe__.tsx");
    texts.set(probe, `"use client";\nimport type { Role } from "@/lib/db/schema";\nexport type X = Role;\n`);
    expect(violationsFrom(probe).map((v) => v.reason)).toEqual(["is a server module"]);
    texts.set(probe, `"use client";\nimport { readFileSync } from "node:fs";\n`);
    expect(violationsFrom(probe).map((v) => v.reason)).toEqual(["imports node:fs"]);
    texts.delete(probe);
  });
});
