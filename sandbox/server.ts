import { setMaxListeners } from "node:events";
import { createServer as createHttpServer, type Server } from "node:http";
import { KeyPool } from "./certs/key-pool";
import { loadOrCreateCa } from "./certs/local-ca";
import { SandboxClock } from "./core/clock";
import { createControlClient, type ControlClient } from "./core/control-client";
import { createControlHandler } from "./core/control-routes";
import { FaultRegistry } from "./core/faults";
import { IdSource } from "./core/ids";
import { closeServer, listen, originFor } from "./core/listen";
import { RequestLog } from "./core/request-log";
import type { ServiceApp } from "./core/service-app";
import { createRequestListener } from "./core/service-server";
import { CORE_SETTINGS, defaultsOf, type AnySettingSpecs } from "./core/settings";
import { JwksFetcher } from "./issuers/jwks-fetcher";
import { ISSUER_KEY_COUNT, ISSUERS_DEFAULT_PORT, startIssuers } from "./issuers/start-issuers";
import type { IdpSettings } from "./oidc-provider/start-idp";
import type { SharedRuntime } from "./runtime";
import { demoConnections } from "./seed/demo-connections";
import type { SeedName } from "./seed/seed-context";
import { loadSavedState, StateKeeper } from "./state-keeper";
import type { VendorInstance } from "./vendor-descriptor";
import {
  SANDBOX_VENDORS,
  type DemoConnection,
  type SandboxSettings,
  type ServiceName,
  type VendorName,
} from "./vendors";

export type { DemoConnection, SandboxSettings, ServiceName, VendorName } from "./vendors";
export type SandboxControl = ControlClient<SandboxSettings>;

/** Options of `startSandbox`. Port 0 means ephemeral. */
export interface SandboxOptions {
  host?: string;
  ports?: Partial<Record<ServiceName, number>>;
  /** Mount the `/__sandbox/*` control routes on every vendor port. */
  control?: boolean;
  seed?: SeedName;
  /** Where the CA is kept (ca.pem, ca-key.pem); in memory when omitted. */
  dataDir?: string;
  /**
   * Keep vendor state across restarts in `<dataDir>/state.v8`: loaded on start (instead of the
   * seed), saved shortly after every change, after a reset and on stop.
   */
  persist?: boolean;
  /** Initial sandbox time; real time when omitted. */
  now?: Date;
}

/** A running sandbox. */
export interface Sandbox {
  /** Each vendor's base URL (UiPath's accessURL, Cloudflare's API base with `/client/v4`, …) and the issuers. */
  urls: Record<VendorName, string> & { issuers: Record<string, string> };
  /** The OpenID Connect IdP on the issuers' host: issuer, Trustdeck's client, test users. */
  idp: IdpSettings;
  /** The local CA that signs the issuers' (and the IdP's) TLS certificate. */
  caPem: string;
  /** Path of ca.pem when a data dir is used. */
  caFile?: string;
  /** Whether the vendor state was restored from the data dir rather than seeded. */
  restored: boolean;
  /** Demo connections in the dashboard's connection input shape. */
  demo: DemoConnection[];
  control: SandboxControl;
  stop(): Promise<void>;
}

/** CLI defaults (each vendor's own, and the issuers'); tests pass 0 for ephemeral ports. */
export const DEFAULT_PORTS = {
  ...Object.fromEntries(SANDBOX_VENDORS.map((v) => [v.name, v.defaultPort])),
  issuers: ISSUERS_DEFAULT_PORT,
} as Record<ServiceName, number>;

/** Every switch: the core ones and each vendor's. */
const SETTING_SPECS = Object.assign(
  {},
  CORE_SETTINGS,
  ...SANDBOX_VENDORS.map((v) => v.settings),
) as AnySettingSpecs;

const SERVICES: readonly ServiceName[] = [...SANDBOX_VENDORS.map((v) => v.name), "issuers"];

/**
 * Longer than clients' idle timeouts (undici keeps sockets 4 s), so the client, not the
 * sandbox, closes idle keep-alive sockets and no request races a server-side close.
 */
const KEEP_ALIVE_MS = 30_000;

/** Starts every registered vendor simulator, the HTTPS OIDC issuers and the IdP beside them. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? "127.0.0.1";
  const ports = { ...DEFAULT_PORTS, ...options.ports };
  const seed = options.seed ?? "demo";
  if (options.persist && !options.dataDir) throw new Error("persist needs a dataDir");
  const saved = options.persist && options.dataDir ? await loadSavedState(options.dataDir) : undefined;
  const clock = new SandboxClock(options.now);
  const settings = defaultsOf(SETTING_SPECS) as unknown as SandboxSettings;
  const faults = new FaultRegistry();
  const log = new RequestLog();
  const stopper = new AbortController();
  // Every request held by a latency fault listens for the stop, and each removes its listener
  // when it is answered: more than ten at once is normal load, not a leak (Node warns at ten).
  setMaxListeners(0, stopper.signal);
  const servers: Server[] = [];
  const instances = new Map<VendorName, VendorInstance>();
  const ids = new IdSource("trustdeck-sandbox-runtime");
  if (saved) ids.restoreCounters(saved.idCounters);
  const keeper =
    options.persist && options.dataDir
      ? new StateKeeper(options.dataDir, () => ({
          idCounters: ids.counterSnapshot(),
          vendors: Object.fromEntries([...instances].map(([name, i]) => [name, i.snapshot()])),
        }))
      : undefined;

  // RSA key generation dominates start-up, so one small pool of base keys serves the
  // issuers (one distinct key each), the TLS and token-signing keys and the seed certificates.
  const keys = await KeyPool.create(ISSUER_KEY_COUNT, 8);
  const ca = await loadOrCreateCa(async () => keys.shared(), options.dataDir);
  let control: ReturnType<typeof createControlHandler> | undefined;
  const listener = (app: ServiceApp, withControl: boolean) =>
    createRequestListener({
      app,
      clock,
      faults,
      log,
      stopSignal: stopper.signal,
      ...(withControl && control && { control }),
      ...(keeper && { onChange: () => keeper.changed() }),
    });

  try {
    const { urls: issuerUrls, idp } = await startIssuers({
      ca,
      keys,
      clock,
      host,
      port: ports.issuers,
      keepAliveMs: KEEP_ALIVE_MS,
      register: (server) => servers.push(server),
      listener: (app) => listener(app, false),
    });
    const jwks = new JwksFetcher(ca.pem, () => settings.jwksTimeoutMs);
    const shared: SharedRuntime<SandboxSettings> = { clock, settings, ids, keys, jwks, issuerUrls };
    const urls = { issuers: issuerUrls } as Sandbox["urls"];
    control = options.control
      ? createControlHandler({
          clock,
          faults,
          log,
          services: SERVICES,
          settingSpecs: SETTING_SPECS,
          settings: settings as unknown as Record<string, unknown>,
          reset: async (next = seed) => {
            clock.reset();
            faults.clear();
            log.clear();
            jwks.clear();
            Object.assign(settings, defaultsOf(SETTING_SPECS));
            await Promise.all([...instances.values()].map((i) => i.reseed(next)));
            await keeper?.save();
          },
          addTenants: async (request) => {
            const vendor = request.vendor as VendorName;
            const instance = instances.get(vendor);
            if (!instance?.addTenants) return `${request.vendor} cannot seed tenants`;
            try {
              const added = await instance.addTenants(request, urls[vendor]);
              keeper?.changed();
              return added;
            } catch (error) {
              return error instanceof Error ? error.message : "the tenants could not be seeded";
            }
          },
        })
      : undefined;

    for (const vendor of SANDBOX_VENDORS) {
      let origin = "";
      const instance = await vendor.start(shared, {
        seed,
        saved: saved?.vendors[vendor.name],
        origin: () => origin,
      });
      instances.set(vendor.name, instance);
      const server = createHttpServer({ keepAliveTimeout: KEEP_ALIVE_MS }, listener(instance.app, true));
      servers.push(server);
      origin = originFor("http", host, await listen(server, ports[vendor.name], host));
      urls[vendor.name] = `${origin}${vendor.basePath}`;
    }
    await keeper?.save(); // a fresh seed is saved at once: a restart finds the same certificates

    return {
      urls,
      idp,
      caPem: ca.pem,
      ...(ca.file && { caFile: ca.file }),
      restored: saved !== undefined,
      demo: demoConnections(urls),
      control: createControlClient<SandboxSettings>(
        new URL(urls[SANDBOX_VENDORS[0].name]).origin,
        Boolean(options.control),
      ),
      stop: async () => {
        stopper.abort();
        keys.stop();
        await Promise.all(servers.map(closeServer));
        await keeper?.save();
      },
    };
  } catch (error) {
    stopper.abort();
    keys.stop();
    await Promise.all(servers.map((s) => (s.listening ? closeServer(s) : undefined)));
    throw error;
  }
}
