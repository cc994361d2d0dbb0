import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { KeyPool } from "../certs/key-pool";
import { issueTlsCertificate, type LocalCa } from "../certs/local-ca";
import type { SandboxClock } from "../core/clock";
import { listen } from "../core/listen";
import type { ServiceApp } from "../core/service-app";
import { Issuer } from "./issuer";
import { createIssuerApp } from "./issuer-app";
import { ISSUER_NAMES, ISSUER_PROFILES, type IssuerName } from "./issuer-profiles";

/** Port of the issuers' host under `npm run sandbox` (SANDBOX_PORT_ISSUERS overrides it). */
export const ISSUERS_DEFAULT_PORT = 4513;

/** Base keys the issuers need: one distinct key per issuer key. */
export const ISSUER_KEY_COUNT = ISSUER_NAMES.reduce((n, name) => n + ISSUER_PROFILES[name].keyCount, 0);

/**
 * Starts the HTTPS OIDC issuers on one host, with a TLS certificate from the local CA. Issuer
 * URLs use "localhost" (a SAN of that certificate) whatever the bind address. `register` is the
 * server's own list, so a failure later in start-up still closes this one.
 */
export async function startIssuers(options: {
  ca: LocalCa;
  keys: KeyPool;
  clock: SandboxClock;
  host: string;
  port: number;
  keepAliveMs: number;
  register(server: Server): void;
  listener(app: ServiceApp): (req: IncomingMessage, res: ServerResponse) => void;
}): Promise<Record<IssuerName, string>> {
  const issuerKeys = ISSUER_NAMES.map((n) =>
    Array.from({ length: ISSUER_PROFILES[n].keyCount }, () => options.keys.shared()),
  );
  const tls = await issueTlsCertificate(options.ca, options.keys.shared());
  const server = createHttpsServer({ cert: tls.cert, key: tls.key, keepAliveTimeout: options.keepAliveMs });
  options.register(server);
  const port = await listen(server, options.port, options.host);
  const urls = Object.fromEntries(ISSUER_NAMES.map((n) => [n, `https://localhost:${port}/${n}`])) as Record<
    IssuerName,
    string
  >;
  const issuers = new Map<IssuerName, Issuer>(
    await Promise.all(
      ISSUER_NAMES.map(
        async (n, i) => [n, await Issuer.create(urls[n], ISSUER_PROFILES[n], issuerKeys[i]!)] as const,
      ),
    ),
  );
  server.on("request", options.listener(createIssuerApp(issuers, options.clock)));
  return urls;
}
