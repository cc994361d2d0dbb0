import "server-only";

import { isVendorError, type VendorError } from "../errors";
import type { ErrorDetails } from "../http";
import { jsonBodyOf, type RawResponse } from "../http-response";
import type { CloudflareClient } from "./client";
import { errorEnvelopeSchema } from "./schemas";

/** Cloudflare does not document the permission; this is the group that grants Access SAML reads/writes. */
export const ACCESS_PERMISSION = "Access: Organizations, Identity Providers, and Groups";

/** Reads the failure envelope (`errors[]` with `error_chain`) and the cf-ray request id. */
export function describeCloudflareError(raw: RawResponse): ErrorDetails {
  const parsed = errorEnvelopeSchema.safeParse(jsonBodyOf(raw));
  const first = parsed.success ? parsed.data.errors[0] : undefined;
  const chain = first?.error_chain ?? [];
  const codes = [first?.code, ...chain.map((c) => c.code)];
  const details: ErrorDetails = {
    vendorCode: first ? String(first.code) : undefined,
    vendorMessage: first
      ? [first.message, ...chain.map((c) => `${c.code} ${c.message}`)].join("; ")
      : undefined,
    requestId: raw.headers.get("cf-ray") ?? undefined,
  };
  if (codes.includes(6111) || codes.includes(6003)) {
    return {
      ...details,
      kind: "auth",
      retryable: false,
      userMessage:
        "Cloudflare could not read the API token (6003/6111: invalid Authorization header). Paste the token itself, without “Bearer ” and without spaces; a Global API Key is not an API token.",
    };
  }
  if (raw.status === 403 && codes.includes(10000)) {
    // Expired, disabled, another account or a missing permission: `diagnoseRefusal` tells which.
    return {
      ...details,
      kind: "permission",
      retryable: false,
      userMessage: `The API token was refused for Access (10000 Authentication error). Give it the “${ACCESS_PERMISSION}” permission for this account, or check that the account ID is the one the token was created for.`,
    };
  }
  if (raw.status === 401 || codes.includes(1000) || codes.includes(9109)) {
    return {
      ...details,
      kind: "auth",
      retryable: false,
      userMessage:
        "Cloudflare does not accept the API token: it is wrong or has been deleted. Create a new token and replace it in the connection settings.",
    };
  }
  return details;
}

/** What Cloudflare says about the token itself: its status, and the accounts it may act on. */
export interface TokenStanding {
  /** From /tokens/verify; undefined when neither verify endpoint knows the token. */
  token?: { status: string; expires_on?: string | null };
  /** Every account the token may act on; undefined when Cloudflare would not list them. */
  accounts?: { id: string; name: string }[];
}

/** Cloudflare's codes for a refused token (the same 10000 for every cause). */
const REFUSAL_CODES = new Set(["10000", "1000", "9109"]);

/**
 * Cloudflare answers 403 10000 whether the token expired, was disabled, belongs to another
 * account or lacks the permission. After such a refusal, ask Cloudflare about the token (verify,
 * then the accounts it may use) and name the cause. If that fails too, the refusal stays as it was.
 */
export async function diagnoseRefusal(client: CloudflareClient, error: VendorError): Promise<VendorError> {
  if ((error.status !== 401 && error.status !== 403) || !REFUSAL_CODES.has(error.vendorCode ?? ""))
    return error;
  try {
    return explainRefusal(await readTokenStanding(client), client.accountId, error);
  } catch {
    return error;
  }
}

/** Verify (account-owned, then user-owned), then list the accounts of an active token. */
export async function readTokenStanding(client: CloudflareClient): Promise<TokenStanding> {
  const token = await client
    .verifyAccountToken()
    .catch((error: unknown) =>
      refused(error) || isVendorError(error, "not-found") ? client.verifyUserToken() : Promise.reject(error),
    )
    .then(
      (envelope) => envelope.result,
      // Refused at both endpoints: Cloudflare does not know the token. Anything else proves nothing.
      (error: unknown) => (refused(error) ? undefined : Promise.reject(error)),
    );
  if (token && token.status !== "active") return { token };
  const accounts = await client.listAccounts().then(
    // Only a complete list proves the account is not among them.
    ({ result, result_info: info }) =>
      info?.total_count === undefined || info.total_count <= result.length ? result : undefined,
    (error: unknown) =>
      refused(error) || isVendorError(error, "not-found") ? undefined : Promise.reject(error),
  );
  return { token, accounts };
}

/** The refusal, named: expired, disabled, unknown token, another account, or missing permission. */
export function explainRefusal(standing: TokenStanding, accountId: string, error: VendorError): VendorError {
  const { token, accounts } = standing;
  if (token?.status === "expired") {
    return error.with({
      kind: "credentials-expired",
      retryable: false,
      userMessage: `The Cloudflare API token expired${token.expires_on ? ` on ${token.expires_on}` : ""}. Create a new token with the “${ACCESS_PERMISSION}” permission and replace it in the connection settings.`,
    });
  }
  if (token && token.status !== "active") {
    return error.with({
      kind: "auth",
      retryable: false,
      userMessage: `The Cloudflare API token is ${token.status}. Re-enable it at Cloudflare (My Profile → API Tokens) or replace it in the connection settings.`,
    });
  }
  if (accounts && !accounts.some((account) => account.id === accountId)) {
    const names = accounts.slice(0, 3).map((account) => `“${account.name}”`);
    return error.with({
      kind: "wrong-account",
      retryable: false,
      userMessage: `The API token is valid but not for account ${accountId}; it may act on ${names.length ? names.join(", ") : "no account"}${accounts.length > 3 ? " and others" : ""}. Check the account ID in the connection settings, or use a token created for that account.`,
    });
  }
  if (!token && !accounts) {
    return error.with({
      kind: "auth",
      retryable: false,
      userMessage:
        "Cloudflare does not recognise the API token: it is wrong or has been deleted. Create a new token and replace it in the connection settings.",
    });
  }
  return error.with({
    kind: "permission",
    retryable: false,
    userMessage: `The API token is valid for account ${accountId} but lacks the “${ACCESS_PERMISSION}” permission. Add it to the token at Cloudflare (My Profile → API Tokens), then try again.`,
  });
}

/** Cloudflare refused the token itself (401/403), as opposed to not knowing the endpoint. */
function refused(error: unknown): boolean {
  return isVendorError(error, "auth", "permission");
}
