import { request } from "node:https";
import { rootCertificates } from "node:tls";
import { isRecord } from "../core/reply";

/** The outcome of fetching an issuer's discovery document and JWKS. */
export type JwksResult =
  { ok: true; jwks: { keys: Record<string, unknown>[] } } | { ok: false; reason: string };

const MAX_BYTES = 1024 * 1024;
const CACHE_MS = 60_000;

/**
 * Fetches `{issuer}/.well-known/openid-configuration` then its `jwks_uri`, over real
 * HTTPS, trusting the public roots plus the sandbox CA, with a timeout. UiPath checks
 * that the JWKS is reachable on every create and update of a federated credential.
 */
export class JwksFetcher {
  private cache = new Map<string, { at: number; jwks: { keys: Record<string, unknown>[] } }>();
  private readonly ca: string[];

  constructor(
    caPem: string,
    private readonly timeoutMs: () => number,
  ) {
    this.ca = [...rootCertificates, caPem];
  }

  /** Fetches afresh (for reachability checks). */
  async probe(issuer: string): Promise<JwksResult> {
    let discoveryUrl: URL;
    try {
      discoveryUrl = new URL(`${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`);
    } catch {
      return { ok: false, reason: "issuer is not a URL" };
    }
    const discovery = await this.getJson(discoveryUrl);
    if (!discovery.ok) return { ok: false, reason: `discovery: ${discovery.reason}` };
    const jwksUri = isRecord(discovery.value) ? discovery.value.jwks_uri : undefined;
    if (typeof jwksUri !== "string" || !jwksUri.startsWith("https://"))
      return { ok: false, reason: "discovery has no https jwks_uri" };
    const jwks = await this.getJson(new URL(jwksUri));
    if (!jwks.ok) return { ok: false, reason: `jwks: ${jwks.reason}` };
    if (!isRecord(jwks.value) || !Array.isArray(jwks.value.keys))
      return { ok: false, reason: "jwks has no keys array" };
    const result = { keys: jwks.value.keys.filter(isRecord) };
    this.cache.set(issuer, { at: Date.now(), jwks: result });
    return { ok: true, jwks: result };
  }

  /** The JWKS for verifying assertions, cached for a minute of real time. */
  async keys(issuer: string): Promise<JwksResult> {
    const hit = this.cache.get(issuer);
    if (hit && Date.now() - hit.at < CACHE_MS) return { ok: true, jwks: hit.jwks };
    return this.probe(issuer);
  }

  /** Drops cached key sets. */
  clear(): void {
    this.cache = new Map();
  }

  private getJson(url: URL): Promise<{ ok: true; value: unknown } | { ok: false; reason: string }> {
    if (url.protocol !== "https:") return Promise.resolve({ ok: false, reason: "not https" });
    return new Promise((resolve) => {
      // A total deadline, not just socket idleness: a tarpit issuer must not hang the create.
      const timer = setTimeout(() => req.destroy(new Error("timed out")), this.timeoutMs());
      const settle = (r: { ok: true; value: unknown } | { ok: false; reason: string }) => {
        clearTimeout(timer);
        resolve(r);
      };
      const req = request(
        url,
        { method: "GET", ca: this.ca, headers: { accept: "application/json" } },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on("data", (c: Buffer) => {
            size += c.length;
            if (size > MAX_BYTES) req.destroy(new Error("response too large"));
            else chunks.push(c);
          });
          res.on("end", () => {
            if (res.statusCode !== 200) return settle({ ok: false, reason: `HTTP ${res.statusCode}` });
            try {
              settle({ ok: true, value: JSON.parse(Buffer.concat(chunks).toString("utf8")) });
            } catch {
              settle({ ok: false, reason: "not JSON" });
            }
          });
          res.on("error", (e) => settle({ ok: false, reason: e.message }));
        },
      );
      req.on("error", (e) => settle({ ok: false, reason: e.message }));
      req.end();
    });
  }
}
