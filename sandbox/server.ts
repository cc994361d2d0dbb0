import { createServer as createHttpServer, type Server } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { KeyPool } from "./certs/key-pool";
import { issueTlsCertificate, loadOrCreateCa } from "./certs/local-ca";
import { createCloudflareApp } from "./cloudflare/cloudflare-app";
import { SandboxClock } from "./core/clock";
import { createControlClient, type ControlClient } from "./core/control-client";
import { createControlHandler } from "./core/control-routes";
import { FaultRegistry } from "./core/faults";
import { IdSource } from "./core/ids";
import { closeServer, listen, originFor } from "./core/listen";
import { RequestLog } from "./core/request-log";
import type { ServiceApp } from "./core/service-app";
import { createRequestListener } from "./core/service-server";
import { defaultSettings } from "./core/settings";
import { createHuaweiApp } from "./huawei/huawei-app";
import { Issuer } from "./issuers/issuer";
import { createIssuerApp } from "./issuers/issuer-app";
import { ISSUER_NAMES, ISSUER_PROFILES, type IssuerName } from "./issuers/issuer-profiles";
import { JwksFetcher } from "./issuers/jwks-fetcher";
import type { SandboxRuntime } from "./runtime";
import { demoConnections, type DemoConnection } from "./seed/demo-connections";
import type { SeedName } from "./seed/seed-context";
import { seedState } from "./seed/seed";
import { createUipathApp } from "./uipath/uipath-app";

export type { DemoConnection } from "./seed/demo-connections";
export type { ControlClient } from "./core/control-client";

/** Options of `startSandbox`. Port 0 means ephemeral. */
export interface SandboxOptions {
  host?: string;
  ports?: { uipath?: number; cloudflare?: number; huawei?: number; issuers?: number };
  /** Mount the `/__sandbox/*` control routes on every vendor port. */
  control?: boolean;
  seed?: SeedName;
  /** Where the CA is kept (ca.pem, ca-key.pem); in memory when omitted. */
  dataDir?: string;
  /** Initial sandbox time; real time when omitted. */
  now?: Date;
}

/** A running sandbox. */
export interface Sandbox {
  urls: {
    /** UiPath accessURL (origin). */
    uipath: string;
    /** Cloudflare API base, including `/client/v4`. */
    cloudflare: string;
    /** Huawei Identity Store / Identity Center endpoint (origin). */
    huawei: string;
    /** HTTPS OIDC issuer URLs by name. */
    issuers: Record<string, string>;
  };
  /** The local CA that signs the issuers' TLS certificate. */
  caPem: string;
  /** Path of ca.pem when a data dir is used. */
  caFile?: string;
  /** Demo connections in the dashboard's connection input shape. */
  demo: DemoConnection[];
  control: ControlClient;
  stop(): Promise<void>;
}

/** CLI defaults; tests pass 0 for ephemeral ports. */
export const DEFAULT_PORTS = { uipath: 4510, cloudflare: 4511, huawei: 4512, issuers: 4513 } as const;

/**
 * Longer than clients' idle timeouts (undici keeps sockets 4 s), so the client, not the
 * sandbox, closes idle keep-alive sockets and no request races a server-side close.
 */
const KEEP_ALIVE_MS = 30_000;

/** Enough base keys for every issuer key to be distinct. */
const BASE_KEYS = ISSUER_NAMES.reduce((n, name) => n + ISSUER_PROFILES[name].keyCount, 0);

/** Starts the UiPath, Cloudflare and Huawei simulators and the HTTPS OIDC issuers. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? "127.0.0.1";
  const ports = { ...DEFAULT_PORTS, ...options.ports };
  const seed = options.seed ?? "demo";
  const clock = new SandboxClock(options.now);
  const settings = defaultSettings();
  const faults = new FaultRegistry();
  const log = new RequestLog();
  const stopper = new AbortController();
  const servers: Server[] = [];

  // RSA key generation dominates start-up, so one small pool of base keys serves the
  // issuers (one distinct key each), the TLS and token-signing keys and the seed certificates.
  const keys = await KeyPool.create(BASE_KEYS, 8);
  const ca = await loadOrCreateCa(async () => keys.shared(), options.dataDir);
  const issuerKeys = ISSUER_NAMES.map((n) =>
    Array.from({ length: ISSUER_PROFILES[n].keyCount }, () => keys.shared()),
  );
  const tlsKeys = keys.shared();
  const uipathKeys = keys.shared();
  const serverDeps = (app: ServiceApp, withControl: boolean) => ({
    app,
    clock,
    faults,
    log,
    stopSignal: stopper.signal,
    ...(withControl && control && { control }),
  });
  let control: ReturnType<typeof createControlHandler> | undefined;

  try {
    const tls = await issueTlsCertificate(ca, tlsKeys);
    const issuersServer = createHttpsServer({
      cert: tls.cert,
      key: tls.key,
      keepAliveTimeout: KEEP_ALIVE_MS,
    });
    servers.push(issuersServer);
    const issuersPort = await listen(issuersServer, ports.issuers, host);
    // Issuer URLs use "localhost" (a SAN of the TLS certificate) whatever the bind address.
    const issuerUrls = Object.fromEntries(
      ISSUER_NAMES.map((n) => [n, `https://localhost:${issuersPort}/${n}`]),
    ) as Record<IssuerName, string>;
    const issuers = new Map<IssuerName, Issuer>(
      await Promise.all(
        ISSUER_NAMES.map(
          async (n, i) =>
            [n, await Issuer.create(issuerUrls[n], ISSUER_PROFILES[n], issuerKeys[i]!)] as const,
        ),
      ),
    );
    issuersServer.on("request", createRequestListener(serverDeps(createIssuerApp(issuers, clock), false)));

    const jwks = new JwksFetcher(ca.pem, () => settings.jwksTimeoutMs);
    const base = { clock, settings, ids: new IdSource("trustdeck-sandbox-runtime"), keys, jwks, issuerUrls };
    const runtime: SandboxRuntime = { ...base, state: await seedState(base, seed) };
    control = options.control
      ? createControlHandler({
          clock,
          faults,
          log,
          settings,
          reset: async (next = seed) => {
            clock.reset();
            faults.clear();
            log.clear();
            jwks.clear();
            Object.assign(settings, defaultSettings());
            runtime.state = await seedState(base, next);
          },
        })
      : undefined;

    let accessUrl = "";
    const start = async (app: ServiceApp, port: number) => {
      const server = createHttpServer(
        { keepAliveTimeout: KEEP_ALIVE_MS },
        createRequestListener(serverDeps(app, true)),
      );
      servers.push(server);
      return originFor("http", host, await listen(server, port, host));
    };
    accessUrl = await start(
      createUipathApp(runtime, uipathKeys, () => accessUrl),
      ports.uipath,
    );
    const cloudflareOrigin = await start(createCloudflareApp(runtime), ports.cloudflare);
    const huaweiOrigin = await start(createHuaweiApp(runtime), ports.huawei);

    const urls = {
      uipath: accessUrl,
      cloudflare: `${cloudflareOrigin}/client/v4`,
      huawei: huaweiOrigin,
      issuers: issuerUrls,
    };
    return {
      urls,
      caPem: ca.pem,
      ...(ca.file && { caFile: ca.file }),
      demo: demoConnections(urls),
      control: createControlClient(accessUrl, Boolean(options.control)),
      stop: async () => {
        stopper.abort();
        keys.stop();
        await Promise.all(servers.map(closeServer));
      },
    };
  } catch (error) {
    stopper.abort();
    keys.stop();
    await Promise.all(servers.map((s) => (s.listening ? closeServer(s) : undefined)));
    throw error;
  }
}
