import "server-only";

import type { VendorError } from "../errors";
import {
  VendorHttpClient,
  type HttpRequest,
  type ErrorDetails,
  type HttpDepsInput,
  type RequestSummary,
} from "../http";
import { expectText, type RawResponse } from "../http-response";
import { bucketsPerRequestKind, rateBucketsFor } from "../rate-budget";
import type { ConnectionFor } from "../model";
import { describeCloudflareError, diagnoseRefusal } from "./errors";
import { cloudflareRateBudget } from "./rate-budget";
import * as s from "./schemas";

export { ACCESS_PERMISSION } from "./errors";

const PEM_TYPES = ["application/x-pem-file", "application/x-x509-ca-cert", "text/plain"];

/**
 * The Cloudflare API for one connection (docs/vendor-contracts.md, "Cloudflare Zero Trust Access"),
 * sent through the shared HTTP path like every vendor's: rate budget, retries, errors and the
 * outbound guard are the same for all three.
 */
export class CloudflareClient extends VendorHttpClient {
  readonly vendor = "cloudflare" as const;

  constructor(
    private readonly conn: ConnectionFor<"cloudflare">,
    deps?: HttpDepsInput,
  ) {
    super(deps);
  }

  // GET /accounts/{account_id}/access/saml_certificates?page=&per_page= (paging: list-sets.ts)
  listSamlCertificateSets(page: number, perPage: number) {
    return this.get({
      operation: "list SAML certificate sets",
      path: `${this.samlPath()}?page=${page}&per_page=${perPage}`,
      output: s.listSamlCertificateSetsOutputSchema,
    });
  }

  // GET /accounts/{account_id}/access/saml_certificates/{saml_cert_set_id}
  async getSamlCertificateSet(setId: string) {
    const envelope = await this.get({
      operation: "read the SAML certificate set",
      path: `${this.samlPath()}/${enc(setId)}`,
      output: s.getSamlCertificateSetOutputSchema,
    });
    return envelope.result;
  }

  // POST /accounts/{account_id}/access/saml_certificates/{saml_cert_set_id}/rotate (no body)
  async rotateSamlCertificateSet(setId: string) {
    const envelope = await this.post({
      operation: "rotate the SAML certificate set",
      path: `${this.samlPath()}/${enc(setId)}/rotate`,
      output: s.rotateSamlCertificateSetOutputSchema,
    });
    return envelope.result;
  }

  // GET /accounts/{account_id}/access/saml_certificates/{saml_cert_set_id}/pem — application/x-pem-file
  getSamlCertificatePem(setId: string) {
    return this.get({
      operation: "download the current SAML certificate",
      path: `${this.samlPath()}/${enc(setId)}/pem`,
      headers: { accept: "application/x-pem-file" },
      output: expectText(PEM_TYPES, s.getSamlCertificatePemOutputSchema),
    });
  }

  // GET /accounts/{account_id}/tokens/verify — account-owned tokens
  verifyAccountToken() {
    return this.get({
      operation: "verify the API token",
      path: `/accounts/${enc(this.accountId)}/tokens/verify`,
      output: s.verifyTokenOutputSchema,
      diagnose: false,
    });
  }

  // GET /user/tokens/verify — user-owned tokens
  verifyUserToken() {
    return this.get({
      operation: "verify the API token",
      path: "/user/tokens/verify",
      output: s.verifyTokenOutputSchema,
      diagnose: false,
    });
  }

  // GET /accounts?per_page=50 — the accounts the token may act on
  listAccounts() {
    return this.get({
      operation: "list the accounts of the API token",
      path: "/accounts?per_page=50",
      output: s.listAccountsOutputSchema,
      diagnose: false,
    });
  }

  /** The account of the connection. */
  get accountId(): string {
    return this.conn.accountId;
  }

  protected override connectionId(): string {
    return this.conn.id;
  }

  /** The account's windows in the vendor's rate budget (rate-budget.ts), once per kind of request. */
  private readonly buckets = bucketsPerRequestKind((request) =>
    rateBucketsFor(this.vendor, cloudflareRateBudget, this.conn, request, this.deps.rateHeadroomPercent),
  );

  protected override rateBuckets(request: Pick<HttpRequest<unknown>, "method" | "operation">) {
    return this.buckets(request);
  }

  protected apiBase(): string {
    return this.conn.baseUrl;
  }

  /** An API token as a bearer (the Global API Key's X-Auth-Email/X-Auth-Key pair is not offered). */
  protected async buildAuthHeaders(): Promise<Record<string, string>> {
    return { authorization: `Bearer ${this.conn.apiToken}` };
  }

  protected secrets(): readonly (string | undefined)[] {
    return [this.conn.apiToken];
  }

  protected describeError(raw: RawResponse): ErrorDetails {
    return describeCloudflareError(raw);
  }

  /** 403 10000 means expired, disabled, another account or a missing permission: ask which. */
  protected override diagnose(error: VendorError, _request: RequestSummary): Promise<VendorError> {
    return diagnoseRefusal(this, error);
  }

  private samlPath(): string {
    return `/accounts/${enc(this.accountId)}/access/saml_certificates`;
  }
}

function enc(segment: string): string {
  return encodeURIComponent(segment);
}
