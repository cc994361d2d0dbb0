// Lists 500 Cloudflare SAML certificate sets through the adapter and through raw HTTP requests
// alone, and prints both times and their ratio (the adapter's overhead). Figures are printed,
// never asserted. Run: npx tsx bench/adapter-list.ts
//
// The sandbox has no way to seed 500 sets (its demo accounts hold 8, 5 and 30), so the 500 sets
// are served by a small mirror started here: the sandbox's own set records, repeated under
// distinct uids with 1000 distinct generated certificates, in the Cloudflare envelope, paged as
// the sandbox pages. The same comparison also runs against the sandbox on its largest account.
import { spawnSync } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

const ROUNDS = 15;
const WARMUP = 5;
const SETS = 500;
const PER_PAGE = 100;

// lib/vendors modules start with `import "server-only"`, which only loads under the
// react-server condition (as in Next's server bundles): re-run this script with it.
if (!process.env.NODE_OPTIONS?.includes("react-server")) {
  const child = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: "inherit",
    env: {
      ...process.env,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --conditions=react-server`.trim(),
    },
  });
  process.exit(child.status ?? 1);
}

interface Timing {
  median: number;
  min: number;
}

/** Runs the variants interleaved, round by round, so that machine noise hits them alike. */
async function timeAll(runs: Record<string, () => Promise<unknown>>): Promise<Record<string, Timing>> {
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(runs).map((k) => [k, []]));
  for (let round = 0; round < WARMUP + ROUNDS; round++) {
    for (const [name, run] of Object.entries(runs)) {
      const start = performance.now();
      await run();
      if (round >= WARMUP) samples[name]?.push(performance.now() - start);
    }
  }
  return Object.fromEntries(
    Object.entries(samples).map(([name, list]) => {
      list.sort((a, b) => a - b);
      return [name, { median: list[Math.floor(list.length / 2)] ?? 0, min: list[0] ?? 0 }];
    }),
  );
}

/** Distinct RSA-2048 certificates (one signing key), SAML-like validity, as PEM. */
async function generateCertificates(count: number): Promise<string[]> {
  await import("@abraham/reflection");
  const { X509CertificateGenerator } = await import("@peculiar/x509");
  const algorithm = {
    name: "RSASSA-PKCS1-v1_5",
    hash: "SHA-256",
    publicExponent: new Uint8Array([1, 0, 1]),
    modulusLength: 2048,
  };
  const keys = await crypto.subtle.generateKey(algorithm, false, ["sign", "verify"]);
  const pems: string[] = [];
  for (let i = 0; i < count; i++) {
    const certificate = await X509CertificateGenerator.createSelfSigned({
      serialNumber: (0x1000 + i).toString(16),
      name: `CN=Cloudflare Access SAML ${i}, O=Trustdeck Bench`,
      notBefore: new Date("2026-01-01T00:00:00Z"),
      notAfter: new Date("2029-01-01T00:00:00Z"),
      keys,
      signingAlgorithm: algorithm,
    });
    pems.push(certificate.toString("pem"));
  }
  return pems;
}

/** Raw HTTP alone: every page fetched and its body read, nothing parsed or checked. */
async function rawList(baseUrl: string, accountId: string, token: string, total: number): Promise<number> {
  let bytes = 0;
  for (let page = 1; page <= Math.max(1, Math.ceil(total / PER_PAGE)); page++) {
    const res = await fetch(
      `${baseUrl}/accounts/${accountId}/access/saml_certificates?page=${page}&per_page=${PER_PAGE}`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    bytes += (await res.text()).length;
  }
  return bytes;
}

async function main(): Promise<void> {
  const { startSandbox } = await import("../sandbox/server");
  const { createCloudflareAdapter } = await import("../lib/vendors/cloudflare/adapter");
  const { CloudflareClient } = await import("../lib/vendors/cloudflare/client");
  const { listAllSamlCertificateSets } = await import("../lib/vendors/cloudflare/list-sets");
  const { connectionInputSchema } = await import("../lib/connections/schemas");
  const { clearCertificateSummaryCache } = await import("../lib/vendors/certificate-slot");

  const sandbox = await startSandbox({
    ports: { uipath: 0, cloudflare: 0, huawei: 0, issuers: 0 },
    control: true,
  });
  try {
    await sandbox.control.settings({ rateLimits: false });
    const demos = sandbox.demo.flatMap((d, i) => {
      const parsed = connectionInputSchema.parse(d);
      return parsed.vendor === "cloudflare" ? [{ id: `bench-${i}`, ...parsed }] : [];
    });

    // Templates: every set of every demo account, as the sandbox serves them.
    const templates: unknown[] = [];
    for (const conn of demos) {
      const res = await fetch(
        `${conn.baseUrl}/accounts/${conn.accountId}/access/saml_certificates?per_page=1000`,
        { headers: { authorization: `Bearer ${conn.apiToken}` } },
      );
      const body: unknown = await res.json();
      if (typeof body === "object" && body !== null && "result" in body && Array.isArray(body.result))
        templates.push(...body.result);
    }
    // Every set gets its own two certificates, so a cold listing summarises 1000 distinct ones.
    const pems = await generateCertificates(2 * SETS);
    const sets = Array.from({ length: SETS }, (_, i) => {
      const template: unknown = templates[i % templates.length];
      const uid = `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`;
      const cert = (n: number, isCurrent: boolean) => ({
        uid: `${uid.slice(0, -4)}${String(n).padStart(4, "0")}`,
        public_certificate: pems[2 * i + n],
        not_after: "2029-01-01T00:00:00Z",
        is_current: isCurrent,
      });
      return {
        ...Object(template),
        uid,
        current_certificate: cert(0, true),
        previous_certificate: cert(1, false),
      };
    });

    const mirror = createServer((req, res) => {
      const url = new URL(req.url ?? "/", "http://mirror");
      const page = Number(url.searchParams.get("page") ?? 1);
      const perPage = Number(url.searchParams.get("per_page") ?? 25);
      const result = sets.slice((page - 1) * perPage, page * perPage);
      const body = {
        success: true,
        errors: [],
        messages: [],
        result,
        result_info: {
          page,
          per_page: perPage,
          count: result.length,
          total_count: sets.length,
          total_pages: Math.ceil(sets.length / perPage),
        },
      };
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => mirror.listen(0, "127.0.0.1", resolve));
    const address = mirror.address();
    if (!address || typeof address === "string") throw new Error("the mirror has no TCP address");
    const { port }: AddressInfo = address;
    const base = demos[0];
    if (!base) throw new Error("the sandbox has no Cloudflare demo connection");
    const mirrorConn = { ...base, id: "bench-mirror", baseUrl: `http://127.0.0.1:${port}/client/v4` };
    const biggest = demos.reduce((a, b) => (b.name.includes("Initech") ? b : a), base);
    const adapter = createCloudflareAdapter();

    const report = async (label: string, conn: typeof base, count: number) => {
      const listAll = async () => {
        const listed = await adapter.listCertificateSets(conn);
        if (listed.length !== count) throw new Error(`expected ${count} sets, got ${listed.length}`);
      };
      const { raw, transport, cold, warm } = await timeAll({
        raw: () => rawList(conn.baseUrl, conn.accountId, conn.apiToken, count),
        transport: () => listAllSamlCertificateSets(new CloudflareClient(conn)),
        cold: async () => {
          clearCertificateSummaryCache();
          await listAll();
        },
        warm: listAll,
      });
      if (!raw || !transport || !cold || !warm) throw new Error("missing timings");
      const fmt = (t: Timing) => `${t.median.toFixed(1)} ms (min ${t.min.toFixed(1)})`;
      console.log(
        `\n${label}: ${count} sets, ${Math.ceil(count / PER_PAGE)} page(s) of ${PER_PAGE}, median of ${ROUNDS} after ${WARMUP} warm-up`,
      );
      console.log(`  raw HTTP requests alone (fetch + read body):        ${fmt(raw)}`);
      console.log(
        `  adapter transport (SDK + our HTTP path + zod):      ${fmt(transport)}   ratio ${(transport.median / raw.median).toFixed(2)}`,
      );
      console.log(
        `  adapter listCertificateSets, summaries computed:    ${fmt(cold)}   ratio ${(cold.median / raw.median).toFixed(2)}`,
      );
      console.log(
        `  adapter listCertificateSets, summaries cached:      ${fmt(warm)}   ratio ${(warm.median / raw.median).toFixed(2)}`,
      );
    };

    console.log(
      `Node ${process.version}; ${SETS} sets modelled on ${templates.length} sandbox sets, ${pems.length} distinct certificates`,
    );
    await report("mirror of sandbox sets", mirrorConn, SETS);
    await report(
      `sandbox itself (${biggest.name})`,
      biggest,
      (await listAllSamlCertificateSets(new CloudflareClient(biggest))).length,
    );
    mirror.close();
  } finally {
    await sandbox.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
