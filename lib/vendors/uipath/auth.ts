import "server-only";

import { createHash } from "node:crypto";

import type { ErrorDetails } from "../http";
import { processMetrics } from "@/lib/metrics/registry";
import { jsonBodyOf, type RawResponse } from "../http-response";
import { runSharedReads } from "../read-scope";
import { oauthErrorSchema } from "./schemas";

/** An access token held in server memory. It is never logged, serialised or returned. */
export interface CachedToken {
  accessToken: string;
  /** Epoch ms. */
  expiresAt: number;
  grantedScopes: string[];
}

interface Entry {
  fingerprint: string;
  token?: CachedToken;
  /** Epoch ms after which the token is renewed. */
  refreshAt?: number;
  inflight?: Promise<CachedToken>;
}

/** Refresh this long before expiry so a token never dies mid-request. */
const REFRESH_MARGIN_MS = 60_000;

/**
 * Client-credentials tokens per connection, refreshed about a minute before they expire.
 * Concurrent callers share one in-flight token request. An entry is dropped when the
 * connection's credentials change (the fingerprint covers URL, client id, secret and scopes).
 */
export class TokenCache {
  private readonly entries = new Map<string, Entry>();

  /** A valid token for `connectionId`, fetching one (once, for all concurrent callers) if needed. */
  async get(
    connectionId: string,
    fingerprint: string,
    now: () => number,
    fetchToken: () => Promise<CachedToken>,
  ): Promise<CachedToken> {
    let entry = this.entries.get(connectionId);
    if (!entry || entry.fingerprint !== fingerprint) {
      entry = { fingerprint };
      this.entries.set(connectionId, entry);
    }
    // A hit is any lookup that sends no token request (a cached token, or one already on its way).
    if (entry.token && entry.refreshAt !== undefined && now() < entry.refreshAt) {
      countLookup("hit");
      return entry.token;
    }
    if (entry.inflight) {
      countLookup("hit");
      return entry.inflight;
    }

    countLookup("miss");
    const current = entry;
    // Shared by every caller, so no one caller's read scope may abandon it (lib/vendors/read-scope.ts).
    current.inflight = runSharedReads(undefined, fetchToken).then(
      (token) => {
        if (this.entries.get(connectionId) === current) {
          current.token = token;
          current.refreshAt = token.expiresAt - refreshMargin(token.expiresAt - now());
        }
        current.inflight = undefined;
        return token;
      },
      (error: unknown) => {
        current.inflight = undefined;
        throw error;
      },
    );
    return current.inflight;
  }

  /** Forgets `accessToken` after the vendor refused it (only if it is still the cached one). */
  invalidate(connectionId: string, accessToken: string): void {
    const entry = this.entries.get(connectionId);
    if (entry?.token?.accessToken === accessToken) entry.token = undefined;
  }

  /** Forgets everything about a connection (deleted, or credentials replaced). */
  forget(connectionId: string): void {
    this.entries.delete(connectionId);
  }
}

function countLookup(result: "hit" | "miss"): void {
  processMetrics().tokenCache.inc({ vendor: "uipath", result });
}

function refreshMargin(lifetimeMs: number): number {
  // A token issued for less than two minutes is renewed at half-life instead.
  return Math.min(REFRESH_MARGIN_MS, Math.max(0, lifetimeMs / 2));
}

/** The process-wide cache used by the UiPath adapter. */
export const uipathTokenCache = new TokenCache();

/** Identifies the credentials a cached token was issued for, without keeping the secret itself. */
export function credentialFingerprint(parts: readonly string[]): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("hex");
}

/** Maps the OAuth error of the token endpoint to a precise, actionable message. */
export function describeOAuthError(
  raw: RawResponse,
  scopes: string,
  flow: "secret" | "assertion",
): ErrorDetails {
  const parsed = oauthErrorSchema.safeParse(jsonBodyOf(raw));
  if (!parsed.success) return {};
  const { error, error_description: description } = parsed.data;
  const base = { vendorCode: error, vendorMessage: description ?? error };
  switch (error) {
    case "invalid_client":
      return flow === "secret"
        ? {
            ...base,
            kind: "auth",
            retryable: false,
            userMessage:
              "UiPath does not accept the App ID and App secret (invalid_client). Check the App ID, and replace the secret if it was regenerated or has expired.",
          }
        : {
            ...base,
            kind: "auth",
            retryable: false,
            userMessage: `UiPath refused the JWT (invalid_client${description ? `: ${description}` : ""}). Check that the federated credential's issuer, audience and subject match the token's iss, aud and sub, and that the token has not expired.`,
          };
    case "invalid_scope":
      return {
        ...base,
        kind: "permission",
        retryable: false,
        userMessage: `UiPath refused the scopes “${scopes}” (invalid_scope). Grant them to the external application as application scopes, or request only scopes it has.`,
      };
    case "unauthorized_client":
      return {
        ...base,
        kind: "permission",
        retryable: false,
        userMessage:
          "The external application may not use the client-credentials grant (unauthorized_client). It must be a confidential application with application scopes.",
      };
    case "invalid_grant":
      return { ...base, kind: "auth", retryable: false };
    default:
      return { ...base, kind: "validation", retryable: false };
  }
}
