// Mutates the OpenSSL-generated fixture certificates (lib/x509/fixtures), asks the OpenSSL CLI
// (`openssl x509 -inform DER -noout -text`) about each distinct mutant, and prints how often the
// library and OpenSSL disagree. Figures are printed, never asserted.
// Run: npx tsx bench/x509-openssl-fuzz.ts [mutants per certificate, default 300] [seed]
// SHOW_REVERSE=1 (or a list of mutation kinds, e.g. "string,integer") also prints why the library
// refused mutants that OpenSSL accepts.
import { spawn, spawnSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { decodeCertificates } from "../lib/x509/decode";
import { encode, mutateTree, parse, random } from "../lib/x509/testing/der-tree";

const FIXTURES = join(import.meta.dirname, "../lib/x509/fixtures");
const PER_CERTIFICATE = Number(process.argv[2] ?? 300);
const SEED = Number(process.argv[3] ?? 1);
const CONCURRENCY = 2;

function fixtureCertificates(): Array<{ name: string; der: Uint8Array }> {
  return readdirSync(FIXTURES)
    .filter((file) => file.endsWith(".expected.json"))
    .sort()
    .map((file) => {
      const name = file.replace(/\.expected\.json$/, "");
      const pem = readFileSync(join(FIXTURES, `${name}.pem`), "utf8");
      const body = pem.replace(/-----[^-]+-----/g, "").replace(/\s+/g, "");
      return { name, der: new Uint8Array(Buffer.from(body, "base64")) };
    });
}

function opensslAccepts(der: Uint8Array): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn("openssl", ["x509", "-inform", "DER", "-noout", "-text"], {
      stdio: ["pipe", "ignore", "ignore"],
    });
    child.on("close", (code) => resolve(code === 0));
    child.stdin.end(Buffer.from(der));
  });
}

function mutants(der: Uint8Array, seed: number): Array<{ kind: string; der: Uint8Array }> {
  const rand = random(seed);
  const out: Array<{ kind: string; der: Uint8Array }> = [];
  for (let i = 0; i < PER_CERTIFICATE; i++) {
    if (rand() < 0.25) {
      // Raw byte writes, as a careless copy or a bit flip would do.
      const copy = der.slice();
      const writes = 1 + Math.floor(rand() * 2);
      for (let w = 0; w < writes; w++) copy[Math.floor(rand() * copy.length)] = Math.floor(rand() * 256);
      out.push({ kind: "raw", der: copy });
      continue;
    }
    const tree = parse(der).node;
    const kind = mutateTree(tree, rand);
    if (kind !== "none") out.push({ kind, der: encode(tree) });
  }
  return out;
}

async function main() {
  if (spawnSync("openssl", ["version"]).status !== 0) {
    console.log("x509-openssl-fuzz: skipped, the openssl CLI is not installed.");
    return;
  }
  const seen = new Set<string>();
  const candidates: Array<{ source: string; kind: string; der: Uint8Array }> = [];
  fixtureCertificates().forEach(({ name, der }, index) => {
    for (const mutant of mutants(der, SEED * 1000 + index)) {
      const key = Buffer.from(mutant.der).toString("base64");
      if (seen.has(key)) continue;
      seen.add(key);
      candidates.push({ source: name, ...mutant });
    }
  });
  let next = 0;
  const stats = { both: 0, neither: 0, onlyLibrary: 0, onlyOpenssl: 0 };
  const byKind = new Map<string, { onlyLibrary: number; onlyOpenssl: number; total: number }>();
  const examples: string[] = [];
  const started = performance.now();
  let libraryMs = 0;
  async function worker() {
    while (next < candidates.length) {
      const candidate = candidates[next++]!;
      const t0 = performance.now();
      const library = decodeCertificates(candidate.der);
      libraryMs += performance.now() - t0;
      const openssl = await opensslAccepts(candidate.der);
      const kind = byKind.get(candidate.kind) ?? { onlyLibrary: 0, onlyOpenssl: 0, total: 0 };
      kind.total++;
      byKind.set(candidate.kind, kind);
      if (library.ok && openssl) stats.both++;
      else if (!library.ok && !openssl) stats.neither++;
      else if (library.ok) {
        stats.onlyLibrary++;
        kind.onlyLibrary++;
        if (examples.length < 8)
          examples.push(
            `${candidate.source} (${candidate.kind}): ${Buffer.from(candidate.der).toString("hex")}`,
          );
      } else {
        stats.onlyOpenssl++;
        kind.onlyOpenssl++;
        const wanted = process.env.SHOW_REVERSE;
        if (
          wanted &&
          (wanted === "1" || wanted.split(",").includes(candidate.kind)) &&
          examples.length < 12
        ) {
          examples.push(`reverse ${candidate.source} (${candidate.kind}): ${library.error.message}`);
        }
      }
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `x509-openssl-fuzz (seed ${SEED}, ${PER_CERTIFICATE} tries per fixture): ${candidates.length} distinct mutants, ${seconds} s`,
  );
  console.log(`  both accept:                      ${stats.both}`);
  console.log(`  both refuse:                      ${stats.neither}`);
  console.log(`  library accepts, OpenSSL refuses: ${stats.onlyLibrary}   (goal 0)`);
  console.log(`  OpenSSL accepts, library refuses: ${stats.onlyOpenssl}`);
  console.log(`  library time: ${libraryMs.toFixed(0)} ms in total`);
  console.log("  by mutation (library-only / OpenSSL-only / total):");
  for (const [kind, counts] of [...byKind].sort()) {
    console.log(`    ${kind.padEnd(10)} ${counts.onlyLibrary} / ${counts.onlyOpenssl} / ${counts.total}`);
  }
  if (examples.length > 0) console.log(`  examples:\n    ${examples.join("\n    ")}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
