import "server-only";
import { isVendorError } from "@/lib/vendors/errors";
import type { FederatedTokenExchangeResult } from "@/lib/vendors/model";
import { failurePointOf, type ExchangeFailurePoint } from "./exchange-error";
import type { GuardedFetchOptions } from "./guarded-fetch";
import type { IssuerKeys } from "./jwks";
import { audiences, decodeJwt, stringClaim } from "./jwt";
import { vendorFailure, type Failure } from "./mutations";
import { preflightIssuer, type PreflightResult } from "./preflight";
import { uipathFederatedOps, type FederatedOps, type UiPathConnection } from "./read";
import type { ExchangeTestInput, IssuerKeysInput } from "./schemas";
import type { ExchangeView } from "./types";
export type { ExchangeView } from "./types";

// The server half of the token-exchange tester: the issuer's published keys for the kid check,
// and the real exchange at UiPath's token endpoint, whose access token is dropped in the adapter.

const KEYS_TTL_MS = 60_000;
const keyCache = new Map<string, { at: number; result: PreflightResult }>();

/** A short cache: pasting several tokens should not fetch the same JWKS each time. */
async function cachedPreflight(issuer: string, options: GuardedFetchOptions): Promise<PreflightResult> {
  const hit = keyCache.get(issuer);
  if (hit && Date.now() - hit.at < KEYS_TTL_MS) return hit.result;
  const result = await preflightIssuer(issuer, options);
  keyCache.set(issuer, { at: Date.now(), result });
  return result;
}

/**
 * The published keys of an issuer, fetched only if a credential of the application trusts it:
 * the tester must not become a way to make the server fetch arbitrary URLs.
 */
export async function keysForTester(
  conn: UiPathConnection,
  input: IssuerKeysInput,
  deps: { ops?: FederatedOps; preflight: GuardedFetchOptions },
): Promise<IssuerKeys> {
  const ops = deps.ops ?? uipathFederatedOps();
  try {
    const credentials = await ops.listFederatedCredentials(conn, input.clientId);
    if (!credentials.some((c) => c.issuer === input.issuer)) {
      return {
        ok: false,
        issuer: input.issuer,
        message: "No credential of this application trusts this issuer, so its keys were not fetched.",
      };
    }
  } catch (error) {
    if (isVendorError(error)) return { ok: false, issuer: input.issuer, message: error.userMessage };
    throw error;
  }
  const result = await cachedPreflight(input.issuer, deps.preflight);
  const jwksRead = result.checks.some((c) => c.name === "jwks" && c.ok);
  return jwksRead
    ? { ok: true, issuer: input.issuer, keys: result.keys }
    : { ok: false, issuer: input.issuer, message: result.summary };
}

export type ExchangeOutcome =
  | { ok: true; result: FederatedTokenExchangeResult; claims: TokenFacts }
  | (Failure & { point: ExchangeFailurePoint | null; claims: TokenFacts | null });

/** The token's identifying claims, for the audit log: never the token itself. */
export interface TokenFacts {
  iss: string | null;
  sub: string | null;
  aud: string[];
}

function factsOf(assertion: string): TokenFacts | null {
  const decoded = decodeJwt(assertion);
  if (!decoded.ok) return null;
  const p = decoded.jwt.payload;
  return { iss: stringClaim(p, "iss") ?? null, sub: stringClaim(p, "sub") ?? null, aud: audiences(p) };
}

/** Exchanges the JWT at UiPath's token endpoint; a refusal names the claim it is about. */
export async function exchangeForTest(
  conn: UiPathConnection,
  input: ExchangeTestInput,
  deps: { ops?: FederatedOps } = {},
): Promise<ExchangeOutcome> {
  const ops = deps.ops ?? uipathFederatedOps();
  const claims = factsOf(input.assertion);
  try {
    const result = await ops.exchangeFederatedToken(conn, {
      clientId: input.clientId,
      assertion: input.assertion,
      scope: input.scope,
    });
    return { ok: true, result, claims: claims ?? { iss: null, sub: null, aud: [] } };
  } catch (error) {
    if (!isVendorError(error)) throw error;
    return { ...vendorFailure(error), point: failurePointOf(error.vendorCode, error.vendorMessage), claims };
  }
}

/** The browser-safe view of an exchange outcome. */
export function toExchangeView(outcome: ExchangeOutcome): ExchangeView {
  if (outcome.ok) {
    const { grantedScopes, tokenType, expiresInSeconds, expiresAt } = outcome.result;
    return { exchanged: true, grantedScopes, tokenType, expiresInSeconds, expiresAt };
  }
  return {
    exchanged: false,
    code: outcome.code,
    message: outcome.message,
    point: outcome.point,
    requestId: outcome.requestId ?? null,
  };
}
