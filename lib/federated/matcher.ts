import { isRs256Key, type IssuerKeys } from "./jwks";
import { audiences, MAX_ASSERTION_BYTES, numericClaim, stringClaim, type DecodedJwt } from "./jwt";
import { explainAudience, explainMismatch } from "./near-miss";
import { isoSeconds, kilobytes, relativeTime } from "./time-words";

// The claim-by-claim verdict of a token against each credential of an application, the way
// UiPath checks it (docs/vendor-contracts.md, UiPath "Authentication"): RS256 only, iss exact, aud contains, sub exact, exp,
// a key from the issuer's JWKS, at most 8 KB.

export const CLAIMS = ["iss", "aud", "sub", "exp", "nbf", "alg", "kid", "size"] as const;
export type ClaimName = (typeof CLAIMS)[number];

/** `skip`: not checked because an earlier claim already rules the credential out; `pending`: keys still loading. */
export type CheckStatus = "pass" | "fail" | "warn" | "skip" | "pending";

export interface ClaimCheck {
  claim: ClaimName;
  status: CheckStatus;
  message: string;
}

/** The fields of a credential the matcher reads. */
export interface CredentialLike {
  id: string;
  name: string | null;
  issuer: string | null;
  audience: string | null;
  subject: string | null;
}

export interface CredentialVerdict {
  credentialId: string;
  name: string;
  /** True when nothing failed (warnings allowed). */
  matches: boolean;
  failing: ClaimName[];
  checks: ClaimCheck[];
}

export interface MatchContext {
  nowSeconds: number;
  /** The keys of the token's issuer, fetched by the server; undefined while loading. */
  keys?: IssuerKeys;
  /** Tolerance on exp and nbf; .NET's default ClockSkew, which UiPath presumably keeps. */
  clockSkewSeconds?: number;
}

const DEFAULT_SKEW = 300;
const q = (value: string) => `“${value}”`;

function checkTime(
  claim: "exp" | "nbf",
  payload: Record<string, unknown>,
  now: number,
  skew: number,
): ClaimCheck {
  const at = numericClaim(payload, claim);
  if (claim === "exp") {
    if (at === undefined)
      return { claim, status: "fail", message: "The token has no exp claim; UiPath requires one." };
    const when = `${relativeTime(at, now)} (${isoSeconds(at)})`;
    if (at > now) return { claim, status: "pass", message: `Expires ${when}.` };
    if (at > now - skew)
      return {
        claim,
        status: "warn",
        message: `Expired ${when}; UiPath may still accept it within its clock-skew allowance, but mint a fresh one.`,
      };
    return {
      claim,
      status: "fail",
      message: `Expired ${when}; UiPath rejects expired tokens. Mint a fresh one.`,
    };
  }
  if (at === undefined) return { claim, status: "pass", message: "No nbf: valid from issue." };
  const when = `${relativeTime(at, now)} (${isoSeconds(at)})`;
  if (at <= now) return { claim, status: "pass", message: `Valid since ${when}.` };
  if (at <= now + skew)
    return {
      claim,
      status: "warn",
      message: `Not valid until ${when}: within the clock-skew allowance, but the issuer's clock is ahead.`,
    };
  return { claim, status: "fail", message: `Not valid until ${when}; UiPath rejects it until then.` };
}

function checkKid(
  header: Record<string, unknown>,
  tokenIssuer: string | undefined,
  credentialIssuer: string,
  keys: IssuerKeys | undefined,
): ClaimCheck {
  const claim = "kid";
  if (tokenIssuer !== credentialIssuer)
    return { claim, status: "skip", message: "Not checked: the token comes from another issuer." };
  if (!keys || keys.issuer !== credentialIssuer)
    return { claim, status: "pending", message: "Reading the issuer's published keys…" };
  if (!keys.ok)
    return {
      claim,
      status: "fail",
      message: `The issuer's keys could not be read, so UiPath cannot verify the signature either: ${keys.message}`,
    };
  const kid = stringClaim(header, "kid");
  const usable = keys.keys.filter(isRs256Key);
  if (kid === undefined) {
    return usable.length === 1
      ? {
          claim,
          status: "pass",
          message: "No kid in the header; the issuer publishes exactly one RS256 key, which UiPath can use.",
        }
      : {
          claim,
          status: "warn",
          message: `No kid in the header, and the issuer publishes ${usable.length} RS256 keys: verification depends on trying each.`,
        };
  }
  const key = keys.keys.find((k) => k.kid === kid);
  if (!key) {
    const known = keys.keys.map((k) => k.kid ?? "(no kid)");
    return {
      claim,
      status: "fail",
      message: `kid ${q(kid)} is not among the issuer's ${known.length} published keys (${known.map(q).join(", ")}): the token was signed with a key the issuer does not publish.`,
    };
  }
  if (!isRs256Key(key))
    return {
      claim,
      status: "fail",
      message: `kid ${q(kid)} is published, but as a ${key.kty}${key.alg ? ` ${key.alg}` : ""} key; UiPath needs an RSA key for RS256.`,
    };
  return {
    claim,
    status: "pass",
    message: `kid ${q(kid)} is among the issuer's ${keys.keys.length} published keys.`,
  };
}

/** Claim-by-claim verdict of one token against one credential. */
export function verdictFor(
  jwt: DecodedJwt,
  credential: CredentialLike,
  context: MatchContext,
): CredentialVerdict {
  const { header, payload } = jwt;
  const now = context.nowSeconds;
  const skew = context.clockSkewSeconds ?? DEFAULT_SKEW;
  const expected = {
    iss: credential.issuer ?? "",
    aud: credential.audience ?? "",
    sub: credential.subject ?? "",
  };
  const iss = stringClaim(payload, "iss");
  const sub = stringClaim(payload, "sub");
  const aud = audiences(payload);
  const alg = stringClaim(header, "alg");

  const checks: ClaimCheck[] = [
    iss === undefined
      ? { claim: "iss", status: "fail", message: "The token has no iss claim." }
      : iss === expected.iss
        ? { claim: "iss", status: "pass", message: `iss is ${q(iss)}.` }
        : { claim: "iss", status: "fail", message: explainMismatch("iss", iss, expected.iss) },
    aud.includes(expected.aud)
      ? { claim: "aud", status: "pass", message: `aud contains ${q(expected.aud)}.` }
      : { claim: "aud", status: "fail", message: explainAudience(aud, expected.aud) },
    sub === undefined
      ? { claim: "sub", status: "fail", message: "The token has no sub claim." }
      : sub === expected.sub
        ? { claim: "sub", status: "pass", message: `sub is ${q(sub)}.` }
        : { claim: "sub", status: "fail", message: explainMismatch("sub", sub, expected.sub) },
    checkTime("exp", payload, now, skew),
    checkTime("nbf", payload, now, skew),
    alg === "RS256"
      ? { claim: "alg", status: "pass", message: "Signed with RS256." }
      : {
          claim: "alg",
          status: "fail",
          message:
            alg === undefined || alg === "none"
              ? "The token is not signed (alg none); UiPath accepts RS256 only."
              : `Signed with ${alg}; UiPath accepts RS256 only.`,
        },
    checkKid(header, iss, expected.iss, context.keys),
    jwt.sizeBytes <= MAX_ASSERTION_BYTES
      ? { claim: "size", status: "pass", message: `${kilobytes(jwt.sizeBytes)} of the 8 KB UiPath accepts.` }
      : {
          claim: "size",
          status: "fail",
          message: `${kilobytes(jwt.sizeBytes)}: UiPath rejects assertions over 8 KB before reading them. Drop custom claims.`,
        },
  ];
  const failing = checks.filter((c) => c.status === "fail").map((c) => c.claim);
  return {
    credentialId: credential.id,
    name: credential.name ?? credential.id,
    matches: failing.length === 0,
    failing,
    checks,
  };
}

/** Verdicts for every credential of an application, the matching ones first, then the nearest misses. */
export function verdictsFor(
  jwt: DecodedJwt,
  credentials: readonly CredentialLike[],
  context: MatchContext,
): CredentialVerdict[] {
  return credentials
    .map((c) => verdictFor(jwt, c, context))
    .sort((a, b) => a.failing.length - b.failing.length);
}
