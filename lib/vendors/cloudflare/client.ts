import "server-only";

import { VendorHttpClient, type ErrorDetails, type HttpDepsInput, type HttpMethod } from "../http";
import { expectJson, expectText, jsonBodyOf, type RawResponse, type ResponseReader } from "../http-response";
import type { ConnectionFor } from "../model";
import * as s from "./schemas";
import { runSdkAttempt, type CloudflareSdk } from "./sdk";

/** Cloudflare does not document the permission; this is the group that grants Access SAML reads/writes. */
export const ACCESS_PERMISSION = "Access: Organizations, Identity Providers, and Groups";

/** The Cloudflare API for one connection, driven through the official SDK (vendor-apis.md §2). */
export class CloudflareClient extends VendorHttpClient {
  readonly vendor = "cloudflare" as const;

  constructor(
    private readonly conn: ConnectionFor<"cloudflare">,
    deps?: HttpDepsInput,
  ) {
    super(deps);
  }

  /** One page of certificate sets (C-1). Paging policy lives in `list-sets.ts`. */
  listSamlCertificateSets(page: number, perPage: number) {
    return this.viaSdk(
      "list SAML certificate sets",
      "GET",
      `${this.samlPath()}?page=${page}&per_page=${perPage}`,
      expectJson(s.listSamlCertificateSetsOutputSchema),
      (sdk, options) =>
        sdk.zeroTrust.access.samlCertificates.list(
          { account_id: this.conn.accountId, page, per_page: perPage },
          options,
        ),
    );
  }

  async getSamlCertificateSet(setId: string) {
    const envelope = await this.viaSdk(
      "read the SAML certificate set",
      "GET",
      `${this.samlPath()}/${enc(setId)}`,
      expectJson(s.getSamlCertificateSetOutputSchema),
      (sdk, options) =>
        sdk.zeroTrust.access.samlCertificates.get(setId, { account_id: this.conn.accountId }, options),
    );
    return envelope.result;
  }

  async rotateSamlCertificateSet(setId: string) {
    const envelope = await this.viaSdk(
      "rotate the SAML certificate set",
      "POST",
      `${this.samlPath()}/${enc(setId)}/rotate`,
      expectJson(s.rotateSamlCertificateSetOutputSchema),
      (sdk, options) =>
        sdk.zeroTrust.access.samlCertificates.rotate(setId, { account_id: this.conn.accountId }, options),
    );
    return envelope.result;
  }

  getSamlCertificatePem(setId: string) {
    return this.viaSdk(
      "download the current SAML certificate",
      "GET",
      `${this.samlPath()}/${enc(setId)}/pem`,
      expectText(
        ["application/x-pem-file", "application/x-x509-ca-cert", "text/plain"],
        s.getSamlCertificatePemOutputSchema,
      ),
      (sdk, options) =>
        sdk.zeroTrust.access.samlCertificates.getPem(setId, { account_id: this.conn.accountId }, options),
    );
  }

  /** Account-owned tokens verify here (C-9). */
  verifyAccountToken() {
    return this.viaSdk(
      "verify the API token",
      "GET",
      `/accounts/${enc(this.conn.accountId)}/tokens/verify`,
      expectJson(s.verifyTokenOutputSchema),
      (sdk, options) => sdk.accounts.tokens.verify({ account_id: this.conn.accountId }, options),
    );
  }

  /** User-owned tokens verify here (C-9). */
  verifyUserToken() {
    return this.viaSdk(
      "verify the API token",
      "GET",
      "/user/tokens/verify",
      expectJson(s.verifyTokenOutputSchema),
      (sdk, options) => sdk.user.tokens.verify(options),
    );
  }

  /** The SDK authenticates itself; direct requests are not used for Cloudflare. */
  protected async buildAuthHeaders(): Promise<Record<string, string>> {
    return { authorization: `Bearer ${this.conn.apiToken}` };
  }

  protected secrets(): readonly (string | undefined)[] {
    return [this.conn.apiToken];
  }

  protected describeError(raw: RawResponse): ErrorDetails {
    const parsed = s.errorEnvelopeSchema.safeParse(jsonBodyOf(raw));
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
      return {
        ...details,
        kind: "permission",
        retryable: false,
        userMessage: `The API token is not allowed to use Access for account ${this.conn.accountId} (10000 Authentication error). Give it the “${ACCESS_PERMISSION}” permission for this account, or check that the account ID is the one the token was created for.`,
      };
    }
    if (raw.status === 401 || codes.includes(1000) || codes.includes(9109)) {
      return {
        ...details,
        kind: "auth",
        retryable: false,
        userMessage:
          "Cloudflare does not accept the API token: it is wrong, expired or revoked. Create a new token and replace it in the connection settings.",
      };
    }
    return details;
  }

  private viaSdk<T>(
    operation: string,
    method: HttpMethod,
    pathAndQuery: string,
    read: ResponseReader<T>,
    call: (sdk: CloudflareSdk, options: { signal: AbortSignal }) => { asResponse(): Promise<Response> },
  ): Promise<T> {
    const config = {
      apiToken: this.conn.apiToken,
      baseUrl: this.conn.baseUrl,
      fetch: this.deps.fetch,
      timeoutMs: this.deps.timeoutMs,
    };
    return this.send({
      operation,
      method,
      url: new URL(`${this.conn.baseUrl}${pathAndQuery}`),
      read,
      transport: (signal) => runSdkAttempt(config, call, signal),
    });
  }

  private samlPath(): string {
    return `/accounts/${enc(this.conn.accountId)}/access/saml_certificates`;
  }
}

function enc(segment: string): string {
  return encodeURIComponent(segment);
}
