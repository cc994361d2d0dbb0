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

/** What one attempt's SDK call saw at the wire: the real failed response or transport error. */
interface AttemptCapture {
  failedResponse?: Response;
  transportFailed: boolean;
  transportError?: unknown;
}

/**
 * Marks the fetch init of one attempt: the SDK copies a call's `fetchOptions` into the init it
 * hands our fetch, so the shared client's fetch knows which attempt a request belongs to.
 */
const ATTEMPT = Symbol("trustdeck.cloudflare.attempt");

/** The SDK's per-call fetch options (its own type, stricter than RequestInit). */
type SdkFetchOptions = NonNullable<
  NonNullable<Parameters<CloudflareSdk["user"]["tokens"]["verify"]>[0]>["fetchOptions"]
>;
type AttemptInit = SdkFetchOptions & { [ATTEMPT]?: AttemptCapture };

/** The request options every SDK call of an attempt gets. */
export interface SdkCallOptions {
  signal: AbortSignal;
  fetchOptions: SdkFetchOptions;
}

/** What a Cloudflare client needs to run its SDK methods as the transport of our attempts. */
export interface SdkConfig {
  apiToken: string;
  baseUrl: string;
  fetch: FetchLike;
  timeoutMs: number;
}

/**
 * One SDK client for one connection's settings, reused by every call (building a client per
 * request cost more than the request: bench/adapter-list.ts). The SDK throws its own error types
 * on non-2xx and transport failures; the fetch we hand it records the real response (or
 * transport error) of the attempt it runs in, so that our error normalisation sees exactly what a
 * direct request would have seen, however many attempts share the client at once.
 */
export class SdkSession {
  private readonly sdk: CloudflareSdk;

  constructor(config: SdkConfig) {
    const capturingFetch: FetchLike = async (input, init) => {
      const { [ATTEMPT]: capture, ...rest }: RequestInit & { [ATTEMPT]?: AttemptCapture } = init ?? {};
      try {
        const response = await config.fetch(input, rest);
        if (capture && !response.ok) capture.failedResponse = response.clone();
        return response;
      } catch (error) {
        if (capture) {
          capture.transportFailed = true;
          capture.transportError = error;
        }
        throw error;
      }
    };
    this.sdk = createSdk(config.apiToken, config.baseUrl, capturingFetch, config.timeoutMs);
  }

  /** Runs one SDK call as one attempt of our HTTP path; resolves with the raw response, whatever its status. */
  async attempt(
    call: (sdk: CloudflareSdk, options: SdkCallOptions) => SdkCall,
    signal: AbortSignal,
  ): Promise<Response> {
    const capture: AttemptCapture = { transportFailed: false };
    const fetchOptions: AttemptInit = { [ATTEMPT]: capture };
    try {
      return await call(this.sdk, { signal, fetchOptions }).asResponse();
    } catch (error) {
      if (capture.transportFailed) throw capture.transportError;
      if (capture.failedResponse) return capture.failedResponse;
      throw error;
    }
  }

  /** The transport of a call: the SDK method, run once per attempt by our HTTP path. */
  transport(
    call: (sdk: CloudflareSdk, options: SdkCallOptions) => SdkCall,
  ): (signal: AbortSignal) => Promise<Response> {
    return (signal) => this.attempt(call, signal);
  }
}
