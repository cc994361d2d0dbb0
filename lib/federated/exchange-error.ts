import type { ClaimName } from "./matcher";

// UiPath answers a failed exchange with an OAuth error and, at best, a short description. This
// maps it back to the claim the tester's verdict table shows, so the two tell the same story.

/** The part of a failed exchange to point at: a claim, the requested scope, or the application. */
export type ExchangeFailurePoint = ClaimName | "signature" | "scope" | "client";

const RULES: readonly [RegExp, ExchangeFailurePoint][] = [
  [/8\s?KB|too large|exceeds the maximum size/i, "size"],
  [/\bRS256\b|\balg\b|algorithm/i, "alg"],
  [/\bkid\b|no key|signing keys|jwks/i, "kid"],
  [/signature/i, "signature"],
  [/expired|lifetime|\bexp\b/i, "exp"],
  [/not yet valid|\bnbf\b/i, "nbf"],
  [/audience|\baud\b/i, "aud"],
  [/subject|\bsub\b/i, "sub"],
  [/issuer|\biss\b/i, "iss"],
];

/**
 * Which claim a token-endpoint error is about. `invalid_scope` is the scope; `unauthorized_client`
 * the application; `invalid_client` is read from the description, or null when it says nothing.
 */
export function failurePointOf(
  vendorCode: string | null | undefined,
  description: string | null | undefined,
): ExchangeFailurePoint | null {
  if (vendorCode === "invalid_scope") return "scope";
  if (vendorCode === "unauthorized_client") return "client";
  if (!description) return null;
  return RULES.find(([pattern]) => pattern.test(description))?.[1] ?? null;
}
