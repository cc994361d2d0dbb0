import { SignJWT } from "jose";
import { randomUUID } from "node:crypto";
import type { UipathRuntime } from "./model";
import type { AccessTokenRecord, ExternalApp, UipathOrg } from "./model";

/** UiPath access tokens live one hour; client credentials get no refresh token. */
export const ACCESS_TOKEN_LIFETIME_S = 3600;
const MAX_TOKENS = 20_000;
/** Expired tokens are swept every this many issues, so the map tracks only live tokens. */
const SWEEP_EVERY = 1000;

/** Signs UiPath-shaped access tokens (RS256 JWTs) and remembers them for lookup. */
export class AccessTokenIssuer {
  private issued = 0;

  constructor(
    private readonly runtime: UipathRuntime,
    private readonly signingKey: CryptoKeyPair,
    private readonly accessUrl: () => string,
  ) {}

  /** Issues a token for an app with the granted scopes. */
  async issue(
    org: UipathOrg,
    app: ExternalApp,
    scopes: string[],
  ): Promise<{ token: string; expiresIn: number }> {
    const now = Math.floor(this.runtime.clock.nowMs() / 1000);
    const exp = now + ACCESS_TOKEN_LIFETIME_S;
    const token = await new SignJWT({
      client_id: app.id,
      prt_id: org.partitionGlobalId,
      scope: scopes,
      jti: randomUUID(),
    })
      .setProtectedHeader({ alg: "RS256", typ: "at+jwt", kid: "sandbox-identity" })
      .setIssuer(`${this.accessUrl()}/identity_`)
      .setAudience("UiPath.PlatformManagement")
      .setSubject(app.id)
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(exp)
      .sign(this.signingKey.privateKey);
    const tokens = this.runtime.state.tokens;
    if (++this.issued % SWEEP_EVERY === 0 || tokens.size >= MAX_TOKENS) this.evict(tokens);
    tokens.set(token, { clientId: app.id, orgName: org.name, scopes, expiresAtMs: exp * 1000 });
    return { token, expiresIn: ACCESS_TOKEN_LIFETIME_S };
  }

  /** Looks a bearer token up. */
  lookup(token: string): AccessTokenRecord | undefined {
    return this.runtime.state.tokens.get(token);
  }

  private evict(tokens: Map<string, AccessTokenRecord>): void {
    const now = this.runtime.clock.nowMs();
    for (const [k, v] of tokens) if (v.expiresAtMs <= now) tokens.delete(k);
    // Still full: drop the oldest tenth (Map iterates in insertion order).
    let drop = tokens.size >= MAX_TOKENS ? Math.ceil(MAX_TOKENS / 10) : 0;
    for (const k of tokens.keys()) {
      if (drop-- <= 0) break;
      tokens.delete(k);
    }
  }
}
