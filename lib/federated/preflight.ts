import "server-only";
import { fetchJson, type GuardedFetchOptions } from "./guarded-fetch";
import { describeKey, isRs256Key, summarizeJwks, type IssuerKey } from "./jwks";
import { explainMismatch } from "./near-miss";
import type { PreflightCheck, PreflightResult } from "./types";
export type { PreflightCheck, PreflightCheckName, PreflightResult } from "./types";

// The issuer preflight, run on the server before a credential is saved: would UiPath be able to
// use this issuer? UiPath fetches the issuer's keys on every create and update, and verifies
// RS256 signatures against them; a token's iss must equal the configured issuer byte for byte.

/** OpenID Connect Discovery 1.0 §4: the issuer, minus a trailing slash, plus the well-known path. */
export function discoveryUrl(issuer: string): URL {
  return new URL(`${issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`);
}

function finish(issuer: string, checks: PreflightCheck[], keys: IssuerKey[] = []): PreflightResult {
  const failed = checks.find((c) => !c.ok);
  const rs256 = keys.filter(isRs256Key).length;
  return {
    ok: !failed,
    issuer,
    checks,
    keys,
    summary: failed
      ? failed.message
      : `The issuer's discovery document and JWKS are reachable over TLS, its issuer matches exactly, and it publishes ${rs256} RS256 key${rs256 === 1 ? "" : "s"}.`,
    checkedAt: new Date().toISOString(),
  };
}

/**
 * Fetches `{issuer}/.well-known/openid-configuration` and its `jwks_uri` through the address
 * guard, and checks the discovery `issuer` and the RS256 keys. Never throws for network failures:
 * each becomes a failed check whose message says what to fix.
 */
export async function preflightIssuer(
  issuer: string,
  options: GuardedFetchOptions,
): Promise<PreflightResult> {
  const checks: PreflightCheck[] = [];
  if (!URL.canParse(issuer) || new URL(issuer).protocol !== "https:") {
    return finish(issuer, [{ name: "discovery", ok: false, message: "The issuer must be an https:// URL." }]);
  }
  const url = discoveryUrl(issuer);
  const discovery = await fetchJson(url, options);
  if (!discovery.ok)
    return finish(issuer, [
      {
        name: "discovery",
        ok: false,
        message: `The discovery document could not be read: ${discovery.message}`,
      },
    ]);
  const doc =
    discovery.value && typeof discovery.value === "object"
      ? (discovery.value as Record<string, unknown>)
      : {};
  checks.push({ name: "discovery", ok: true, message: `Read ${url.href}.` });

  const declared = typeof doc.issuer === "string" ? doc.issuer : undefined;
  if (declared === issuer)
    checks.push({
      name: "issuer",
      ok: true,
      message: "The discovery document's issuer equals this issuer byte for byte.",
    });
  else
    checks.push({
      name: "issuer",
      ok: false,
      message: declared
        ? `The discovery document says issuer “${declared}”, so tokens carry that iss and this credential would never match. ${explainMismatch("iss", declared, issuer).replace("the token says", "discovery says")}`
        : "The discovery document has no issuer field; it is not an OpenID Connect discovery document.",
    });

  const jwksUri = typeof doc.jwks_uri === "string" ? doc.jwks_uri : undefined;
  if (!jwksUri || !URL.canParse(jwksUri))
    return finish(issuer, [
      ...checks,
      {
        name: "jwks",
        ok: false,
        message:
          "The discovery document has no jwks_uri, so UiPath cannot find the keys that sign the tokens.",
      },
    ]);
  const jwks = await fetchJson(new URL(jwksUri), options);
  if (!jwks.ok)
    return finish(issuer, [
      ...checks,
      {
        name: "jwks",
        ok: false,
        message: `The JWKS at ${jwksUri} could not be read: ${jwks.message} UiPath refuses to save a credential whose JWKS is unreachable.`,
      },
    ]);
  const keys = summarizeJwks(jwks.value);
  if (!keys)
    return finish(issuer, [
      ...checks,
      { name: "jwks", ok: false, message: `${jwksUri} is not a JWKS (no keys array).` },
    ]);
  checks.push({
    name: "jwks",
    ok: true,
    message: `Read ${keys.length} key${keys.length === 1 ? "" : "s"} from ${jwksUri}.`,
  });

  const usable = keys.filter(isRs256Key);
  checks.push(
    usable.length
      ? {
          name: "rs256",
          ok: true,
          message: `${usable.length} RSA key${usable.length === 1 ? "" : "s"} usable for RS256.`,
        }
      : {
          name: "rs256",
          ok: false,
          message: keys.length
            ? `None of the ${keys.length} published keys (${keys.map(describeKey).join(", ")}) can verify RS256, the only algorithm UiPath accepts.`
            : "The JWKS publishes no keys at all.",
        },
  );
  return finish(issuer, checks, keys);
}
