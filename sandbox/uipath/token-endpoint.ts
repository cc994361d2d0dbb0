import { timingSafeEqual } from "node:crypto";
import type { Handler, RequestContext } from "../core/http-types";
import type { UipathRuntime } from "./model";
import type { AccessTokenIssuer } from "./access-tokens";
import { verifyClientAssertion } from "./client-assertion";
import { findApp, type ExternalApp } from "./model";
import { aspJson, oauthError } from "./responses";

const JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

/**
 * `POST /identity_/connect/token` and `/{org}/identity_/connect/token`: client
 * credentials with a secret or a federated JWT. Errors follow RFC 6749 §5.2 with
 * status 400 and no WWW-Authenticate header.
 */
export function createTokenHandler(runtime: UipathRuntime, tokens: AccessTokenIssuer): Handler {
  return async (ctx) => {
    if (
      !String(ctx.headers["content-type"] ?? "")
        .toLowerCase()
        .startsWith("application/x-www-form-urlencoded")
    ) {
      return oauthError("invalid_request");
    }
    const form = new URLSearchParams(ctx.body.toString("utf8"));
    const basic = basicCredentials(ctx);
    if (basic === "malformed") return oauthError("invalid_client");
    if (basic) {
      // client_secret_basic (RFC 6749 §2.3.1), which IdentityServer accepts beside the form fields.
      if (form.has("client_secret") || (form.has("client_id") && form.get("client_id") !== basic.id))
        return oauthError("invalid_request", "Multiple client credentials");
      form.set("client_id", basic.id);
      form.set("client_secret", basic.secret);
    }
    const grantType = form.get("grant_type");
    if (!grantType) return oauthError("invalid_request", "grant_type is missing");
    if (grantType !== "client_credentials") return oauthError("unsupported_grant_type");
    const clientId = form.get("client_id");
    const found = clientId ? findApp(runtime.state, clientId) : undefined;
    if (
      !found ||
      (ctx.params.org !== undefined && found.org.name.toLowerCase() !== ctx.params.org.toLowerCase())
    ) {
      return oauthError("invalid_client");
    }
    const { org, app } = found;
    const authError = await authenticate(runtime, app, form, ctx);
    if (authError) return authError;

    const requested = (form.get("scope") ?? "").split(" ").filter(Boolean);
    // Client credentials never get a refresh token, so offline_access is refused.
    if (requested.includes("offline_access") || requested.some((s) => !app.scopes.includes(s)))
      return oauthError("invalid_scope");
    const scopes = requested.length > 0 ? requested : app.scopes;
    const { token, expiresIn } = await tokens.issue(org, app, scopes);
    return aspJson(
      200,
      { access_token: token, expires_in: expiresIn, token_type: "Bearer", scope: scopes.join(" ") },
      { "cache-control": "no-store", pragma: "no-cache" },
    );
  };
}

async function authenticate(
  runtime: UipathRuntime,
  app: ExternalApp,
  form: URLSearchParams,
  ctx: RequestContext,
) {
  const secret = form.get("client_secret");
  const assertion = form.get("client_assertion");
  if (secret !== null && assertion !== null)
    return oauthError("invalid_request", "Multiple client credentials");
  // Non-confidential apps cannot use client credentials at all.
  if (!app.isConfidential) return oauthError("unauthorized_client");
  if (secret !== null) {
    const now = ctx.now.getTime();
    const valid = app.secrets.some(
      (s) => (s.expiryTime === null || Date.parse(s.expiryTime) > now) && safeEqual(s.secret, secret),
    );
    return valid ? undefined : oauthError("invalid_client");
  }
  if (assertion !== null) {
    if (form.get("client_assertion_type") !== JWT_BEARER)
      return oauthError("invalid_client", "client_assertion_type is not supported");
    const result = await verifyClientAssertion(runtime, app, assertion);
    return result.ok ? undefined : oauthError("invalid_client", result.description);
  }
  return oauthError("invalid_client");
}

function basicCredentials(ctx: RequestContext): { id: string; secret: string } | "malformed" | undefined {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(String(ctx.headers.authorization ?? ""));
  if (!m) return ctx.headers.authorization ? "malformed" : undefined;
  const decoded = Buffer.from(m[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 1) return "malformed";
  try {
    return {
      id: decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, " ")),
      secret: decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, " ")),
    };
  } catch {
    return "malformed";
  }
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
