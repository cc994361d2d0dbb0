import {
  createLocalJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  errors,
  jwtVerify,
  type JSONWebKeySet,
} from "jose";
import type { UipathRuntime } from "./model";
import type { ExternalApp, FederatedCredential } from "./model";

/** UiPath rejects assertions over 8 KB before validating them. */
export const MAX_ASSERTION_BYTES = 8192;
/** .NET's default ClockSkew, which UiPath's validator presumably keeps. */
const CLOCK_SKEW_S = 300;

/** Outcome of checking a client assertion against an app's federated credentials. */
export type AssertionResult =
  { ok: true; credential: FederatedCredential } | { ok: false; description: string };

/**
 * Checks a federated JWT the way UiPath describes it: RS256 only, signature against
 * the issuer's JWKS, `iss` exact, `aud` contains the credential's audience, `sub`
 * exact, `exp` valid.
 */
export async function verifyClientAssertion(
  runtime: UipathRuntime,
  app: ExternalApp,
  assertion: string,
): Promise<AssertionResult> {
  if (Buffer.byteLength(assertion) > MAX_ASSERTION_BYTES)
    return fail("The client assertion exceeds the maximum size of 8 KB.");
  let alg: string | undefined;
  let iss: string | undefined;
  try {
    alg = decodeProtectedHeader(assertion).alg;
    iss = decodeJwt(assertion).iss;
  } catch {
    return fail("The client assertion is not a well-formed JWT.");
  }
  if (alg !== "RS256")
    return fail(`The client assertion is signed with '${alg ?? "none"}'; only RS256 is accepted.`);
  const candidates = app.federatedCredentials.filter((c) => c.issuer === iss);
  if (!iss || candidates.length === 0)
    return fail("No federated credential of this client matches the assertion issuer.");

  const keys = await runtime.jwks.keys(iss);
  if (!keys.ok) return fail("The signing keys of the assertion issuer could not be retrieved.");
  let payload;
  try {
    ({ payload } = await jwtVerify(assertion, createLocalJWKSet(keys.jwks as unknown as JSONWebKeySet), {
      algorithms: ["RS256"],
      issuer: iss,
      currentDate: runtime.clock.now(),
      clockTolerance: CLOCK_SKEW_S,
      requiredClaims: ["exp", "sub", "aud"],
    }));
  } catch (error) {
    return fail(describe(error));
  }
  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  const bySubject = candidates.filter((c) => c.subject === payload.sub);
  if (bySubject.length === 0) return fail("The assertion subject does not match any federated credential.");
  const credential = bySubject.find((c) => audiences.includes(c.audience));
  if (!credential) return fail("The assertion audience does not match the federated credential.");
  return { ok: true, credential };
}

function fail(description: string): AssertionResult {
  return { ok: false, description };
}

function describe(error: unknown): string {
  if (error instanceof errors.JWTExpired) return "The client assertion has expired.";
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return "The client assertion signature is invalid.";
  if (error instanceof errors.JWKSNoMatchingKey)
    return "No key of the issuer's JWKS matches the assertion kid.";
  if (error instanceof errors.JWTClaimValidationFailed)
    return `The client assertion claim '${error.claim}' is invalid.`;
  return "The client assertion could not be validated.";
}
