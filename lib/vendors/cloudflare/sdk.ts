import "server-only";

import { BaseAccounts } from "cloudflare/resources/accounts/accounts";
import { BaseTokens as AccountTokens } from "cloudflare/resources/accounts/tokens/tokens";
import { BaseTokens as UserTokens } from "cloudflare/resources/user/tokens/tokens";
import { BaseSAMLCertificates } from "cloudflare/resources/zero-trust/access/saml-certificates";
import { createClient } from "cloudflare/tree-shakable";

import type { FetchLike } from "../http-deps";

/** Only the SDK resources we use: loads in half the time of the full client. */
const RESOURCES = [BaseSAMLCertificates, BaseAccounts, AccountTokens, UserTokens] as const;

function createSdk(apiToken: string, baseURL: string, fetch: FetchLike, timeoutMs: number) {
  return createClient({
    apiToken,
    // Explicit nulls: otherwise the SDK reads CLOUDFLARE_API_KEY/CLOUDFLARE_EMAIL from the environment.
    apiKey: null,
    apiEmail: null,
    userServiceKey: null,
    baseURL,
    // Retries, timeouts and errors are ours (lib/vendors/http.ts); the SDK only builds and sends,
    // through the fetch we hand it.
    maxRetries: 0,
    timeout: timeoutMs + 5_000,
    logLevel: "off",
    fetch,
    resources: RESOURCES,
  });
}

/** The SDK client type our calls are written against. */
export type CloudflareSdk = ReturnType<typeof createSdk>;

/** What every SDK call returns: an APIPromise whose raw response we take over. */
export interface SdkCall {
  asResponse(): Promise<Response>;
}

/**
 * Runs one SDK call as one attempt of our HTTP path and resolves with the raw response,
 * whatever its status. The SDK throws its own error types on non-2xx and transport failures;
 * the fetch we hand it captures the real response (or transport error) so that our error
 * normalisation sees exactly what a direct request would have seen.
 */
export async function runSdkAttempt(
  config: SdkConfig,
  call: (sdk: CloudflareSdk, options: { signal: AbortSignal }) => SdkCall,
  signal: AbortSignal,
): Promise<Response> {
  let failedResponse: Response | undefined;
  let transportError: unknown;
  const capturingFetch: FetchLike = async (input, init) => {
    try {
      const response = await config.fetch(input, init);
      if (!response.ok) failedResponse = response.clone();
      return response;
    } catch (error) {
      transportError = error;
      throw error;
    }
  };
  try {
    return await call(createSdk(config.apiToken, config.baseUrl, capturingFetch, config.timeoutMs), {
      signal,
    }).asResponse();
  } catch (error) {
    if (transportError !== undefined) throw transportError;
    if (failedResponse) return failedResponse;
    throw error;
  }
}

/** What a Cloudflare call needs to run its SDK method as the transport of one attempt. */
export interface SdkConfig {
  apiToken: string;
  baseUrl: string;
  fetch: FetchLike;
  timeoutMs: number;
}

/** The transport of a call: the SDK method, run once per attempt by our HTTP path. */
export function sdkTransport(
  config: SdkConfig,
  call: (sdk: CloudflareSdk, options: { signal: AbortSignal }) => SdkCall,
): (signal: AbortSignal) => Promise<Response> {
  return (signal) => runSdkAttempt(config, call, signal);
}
