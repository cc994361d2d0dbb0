import { spawn } from "node:child_process";
import { createHash, createHmac } from "node:crypto";
import { Agent, request } from "node:http";
import { loadavg } from "node:os";
import { createInterface } from "node:readline";
import { join } from "node:path";
import { canonicalQuery, canonicalUri, formatSdkDate } from "../sandbox/huawei/signature";
import type { DemoConnection } from "../sandbox/vendors";

/**
 * Load bench for the vendor sandbox: N concurrent keep-alive clients for D seconds
 * against a sandbox in a child process, a mix of reads and a few writes across the
 * three vendors. Prints throughput, latency percentiles and the sandbox's memory
 * before and after (after a GC: the child runs with --expose-gc).
 *
 *   npx tsx bench/sandbox-load.ts                 # 200 clients, 30 s
 *   npx tsx bench/sandbox-load.ts --duration=5 --clients=50
 *   BENCH_DURATION_S=5 npx tsx bench/sandbox-load.ts
 *   npx tsx bench/sandbox-load.ts --duration=10 --phases=3   # memory after each phase
 */

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const DURATION_S = Number(arg("duration") ?? process.env.BENCH_DURATION_S ?? 30);
const CLIENTS = Number(arg("clients") ?? process.env.BENCH_CLIENTS ?? 200);
/** Several phases in one sandbox: a heap that keeps growing from phase to phase is a leak. */
const PHASES = Number(arg("phases") ?? process.env.BENCH_PHASES ?? 1);
const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });

type Res = { status: number; body: string };
function call(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Res> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: init.method ?? "GET", headers: init.headers, agent }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(init.body);
  });
}

function huaweiHeaders(url: string, ak: string, sk: string, token?: string): Record<string, string> {
  const u = new URL(url);
  const headers: Record<string, string> = {
    "content-type": "application/json",
    host: u.host,
    "x-sdk-date": formatSdkDate(new Date()),
    ...(token && { "x-security-token": token }),
  };
  const signed = Object.keys(headers).sort();
  const canonical = [
    "GET",
    canonicalUri(u.pathname),
    canonicalQuery(u.search.slice(1)),
    signed.map((h) => `${h}:${headers[h]}\n`).join(""),
    signed.join(";"),
    createHash("sha256").update("").digest("hex"),
  ].join("\n");
  const sts = `SDK-HMAC-SHA256\n${headers["x-sdk-date"]}\n${createHash("sha256").update(canonical).digest("hex")}`;
  headers.authorization = `SDK-HMAC-SHA256 Access=${ak}, SignedHeaders=${signed.join(";")}, Signature=${createHmac("sha256", sk).update(sts).digest("hex")}`;
  return headers;
}

async function startChild(): Promise<{
  stop: () => void;
  ready: {
    startupMs: number;
    urls: { uipath: string; cloudflare: string; huawei: string };
    demo: DemoConnection[];
  };
}> {
  const child = spawn(
    process.execPath,
    ["--expose-gc", "--import", "tsx", join(__dirname, "sandbox-load-server.ts")],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const lines = createInterface({ input: child.stdout });
  for await (const line of lines) {
    if (line.startsWith("{")) return { stop: () => child.kill("SIGTERM"), ready: JSON.parse(line) };
  }
  throw new Error("the sandbox child exited before it was ready");
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

async function main(): Promise<void> {
  const { stop, ready } = await startChild();
  const { urls, demo } = ready;
  const control = (path: string) => `${urls.uipath}/__sandbox/${path}`;
  const u = demo.find((d) => d.vendor === "uipath")!;
  const cf = demo.find((d) => d.vendor === "cloudflare")!;
  const hw = demo.find((d) => d.vendor === "huawei")!;
  if (u.vendor !== "uipath" || cf.vendor !== "cloudflare" || hw.vendor !== "huawei")
    throw new Error("unexpected demo connections");

  const form = new URLSearchParams({
    grant_type: "client_credentials",
    client_id: u.clientId,
    client_secret: u.clientSecret,
    scope: u.scopes,
  }).toString();
  const tokenCall = () =>
    call(`${urls.uipath}/identity_/connect/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: form,
    });
  const uToken = (JSON.parse((await tokenCall()).body) as { access_token: string }).access_token;
  const bearer = { authorization: `Bearer ${uToken}` };
  const cfAuth = { authorization: `Bearer ${cf.apiToken}` };
  const sets = JSON.parse(
    (await call(`${urls.cloudflare}/accounts/${cf.accountId}/access/saml_certificates`, { headers: cfAuth }))
      .body,
  ) as { result: Array<{ uid: string }> };
  const apps = JSON.parse(
    (
      await call(`${urls.uipath}/${u.organizationName}/identity_/api/ExternalClient/${u.partitionGlobalId}`, {
        headers: bearer,
      })
    ).body,
  ) as Array<{ id: string; name: string }>;
  const fleet = apps.find((a) => a.name === "CI Fleet")!.id;
  const hwList = `${urls.huawei}/v1/identity-stores/${hw.identityStoreId}/saml-certificates`;
  const idps = JSON.parse(
    (
      await call(`${urls.huawei}/v1/identity-stores/${hw.identityStoreId}/external-idp`, {
        headers: huaweiHeaders(
          `${urls.huawei}/v1/identity-stores/${hw.identityStoreId}/external-idp`,
          hw.accessKeyId,
          hw.secretAccessKey,
        ),
      })
    ).body,
  ) as { associations: Array<{ idp_id: string }> };
  const hwIdpCerts = `${urls.huawei}/v1/identity-stores/${hw.identityStoreId}/external-idp/${idps.associations[0]!.idp_id}/certificate`;
  const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)]!;

  // Weighted mix: mostly reads, a few token requests and rotations (writes with real key/cert generation).
  const ops: Array<[string, number, () => Promise<Res>]> = [
    [
      "uipath saml pair",
      15,
      () =>
        call(
          `${urls.uipath}/${u.organizationName}/identity_/api/SamlCertificate/${u.partitionGlobalId}/certificates`,
          { headers: bearer },
        ),
    ],
    [
      "uipath federated list (20)",
      15,
      () =>
        call(
          `${urls.uipath}/identity_/api/ExternalClient/${u.partitionGlobalId}/${fleet}/FederatedCredentials`,
          { headers: bearer },
        ),
    ],
    ["uipath token", 2, tokenCall],
    [
      "cloudflare list",
      15,
      () => call(`${urls.cloudflare}/accounts/${cf.accountId}/access/saml_certificates`, { headers: cfAuth }),
    ],
    [
      "cloudflare get",
      15,
      () =>
        call(
          `${urls.cloudflare}/accounts/${cf.accountId}/access/saml_certificates/${pick(sets.result).uid}`,
          { headers: cfAuth },
        ),
    ],
    [
      "cloudflare pem",
      10,
      () =>
        call(
          `${urls.cloudflare}/accounts/${cf.accountId}/access/saml_certificates/${pick(sets.result).uid}/pem`,
          { headers: cfAuth },
        ),
    ],
    [
      "cloudflare rotate",
      1,
      () =>
        call(
          `${urls.cloudflare}/accounts/${cf.accountId}/access/saml_certificates/${pick(sets.result).uid}/rotate`,
          { method: "POST", headers: cfAuth },
        ),
    ],
    [
      "huawei sp list",
      15,
      () =>
        call(hwList, {
          headers: huaweiHeaders(hwList, hw.accessKeyId, hw.secretAccessKey, hw.securityToken),
        }),
    ],
    [
      "huawei idp certs",
      10,
      () =>
        call(hwIdpCerts, {
          headers: huaweiHeaders(hwIdpCerts, hw.accessKeyId, hw.secretAccessKey, hw.securityToken),
        }),
    ],
  ];
  const totalWeight = ops.reduce((n, [, w]) => n + w, 0);
  const chooseOp = () => {
    let r = Math.random() * totalWeight;
    for (const op of ops) if ((r -= op[1]) < 0) return op;
    return ops[0]!;
  };

  const stats = async () =>
    JSON.parse((await call(control("stats"))).body) as { memory: NodeJS.MemoryUsage; gc: boolean };
  const memory = (m: { memory: NodeJS.MemoryUsage }) =>
    `rss ${mb(m.memory.rss)} heap ${mb(m.memory.heapUsed)}`;
  const before = await stats();
  console.log(
    `sandbox load bench: ${CLIENTS} concurrent clients, ${PHASES} × ${DURATION_S} s (sandbox start-up ${ready.startupMs} ms)`,
  );
  console.log(`  memory before       ${memory(before)} (${before.gc ? "after GC" : "no GC available"})`);

  for (let phase = 1; phase <= PHASES; phase++) {
    const latencies: number[] = [];
    const statuses = new Map<string, number>();
    const perOp = new Map<string, number[]>();
    let socketErrors = 0;
    const deadline = performance.now() + DURATION_S * 1000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (performance.now() < deadline) {
          const [name, , run] = chooseOp();
          const t0 = performance.now();
          try {
            const res = await run();
            const ms = performance.now() - t0;
            latencies.push(ms);
            statuses.set(String(res.status), (statuses.get(String(res.status)) ?? 0) + 1);
            if (!perOp.has(name)) perOp.set(name, []);
            perOp.get(name)!.push(ms);
          } catch {
            socketErrors++;
          }
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    await new Promise((r) => setTimeout(r, 500));
    const after = await stats();
    latencies.sort((a, b) => a - b);
    const n = latencies.length;
    console.log(
      [
        `phase ${phase} (load avg ${loadavg()
          .map((l) => l.toFixed(2))
          .join(" ")})`,
        `  requests          ${n} ok, ${socketErrors} socket errors, statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
        `  throughput        ${(n / elapsed).toFixed(0)} req/s`,
        `  latency           p50 ${percentile(latencies, 50).toFixed(1)} ms · p90 ${percentile(latencies, 90).toFixed(1)} ms · p99 ${percentile(latencies, 99).toFixed(1)} ms · max ${(latencies[n - 1] ?? 0).toFixed(1)} ms`,
        "  per operation     (count, p50, p99)",
        ...[...perOp].map(([k, v]) => {
          v.sort((a, b) => a - b);
          return `    ${k.padEnd(28)} ${String(v.length).padStart(7)}  ${percentile(v, 50).toFixed(1).padStart(7)} ms  ${percentile(v, 99).toFixed(1).padStart(7)} ms`;
        }),
        `  memory after      ${memory(after)}`,
      ].join("\n"),
    );
  }
  agent.destroy();
  stop();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
