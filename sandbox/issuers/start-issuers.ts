import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { KeyPool } from "../certs/key-pool";
import { issueTlsCertificate, type LocalCa } from "../certs/local-ca";
import type { SandboxClock } from "../core/clock";
import { listen } from "../core/listen";
import type { ServiceApp } from "../core/service-app";
import { createIdp, IDP_PATH, type IdpSettings } from "../oidc-provider/start-idp";
import { Issuer } from "./issuer";
import { createIssuerApp } from "./issuer-app";
import { ISSUER_NAMES, ISSUER_PROFILES, type IssuerName } from "./issuer-profiles";

/** Port of the issuers' host under `npm run sandbox` (SANDBOX_PORT_ISSUERS overrides it). */
export const ISSUERS_DEFAULT_PORT = 4513;

/** Base keys the issuers need: one distinct key per issuer key, and the IdP's signing key. */
export const ISSUER_KEY_COUNT = ISSUER_NAMES.reduce((n, name) => n + ISSUER_PROFILES[name].keyCount, 1);

/**
 * Starts the HTTPS OIDC issuers on one host, with a TLS certificate from the local CA, and the
 * OpenID Connect IdP at `/idp` on the same host. URLs use "localhost" (a SAN of that certificate)
 * whatever the bind address. `register` is the server's own list, so a failure later in start-up
 * still closes this one.
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
}): Promise<{ urls: Record<IssuerName, string>; idp: IdpSettings }> {
  const issuerKeys = ISSUER_NAMES.map((n) =>
    Array.from({ length: ISSUER_PROFILES[n].keyCount }, () => options.keys.shared()),
  );
  const idpKey = options.keys.shared();
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
  const idp = await createIdp(`https://localhost:${port}`, idpKey);
  const issuerListener = options.listener(createIssuerApp(issuers, options.clock));
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? "/";
    if (path === IDP_PATH || path.startsWith(`${IDP_PATH}/`)) idp.handle(req, res);
    else issuerListener(req, res);
  });
  return { urls, idp: idp.settings };
}
