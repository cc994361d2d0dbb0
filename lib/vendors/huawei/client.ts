import "server-only";

import type { VendorError } from "../errors";
import {
  VendorHttpClient,
  type HttpRequest,
  type ErrorDetails,
  type HttpDepsInput,
  type RequestSummary,
  type OutgoingRequest,
} from "../http";
import { expectEmpty, type RawResponse } from "../http-response";
import { bucketsPerRequestKind, rateBucketsFor } from "../rate-budget";
import type { ConnectionFor } from "../model";
import { describeHuaweiError, serverTimeFromSkewError } from "./errors";
import { huaweiRateBudget } from "./rate-budget";
import * as s from "./schemas";
import { signRequest } from "./signer";

/** Clock corrections learnt from "signature expired" answers, per connection (server memory). */
const clockOffsets = new Map<string, number>();

/** IAM actions named in permission errors (docs/vendor-contracts.md, Huawei "Hosts and discovery"). */
export const HUAWEI_ACTIONS = {
  listSp: "IdentityCenter:serviceProvider:listCertificates",
  createSp: "IdentityCenter:serviceProvider:createCertificate",
  activateSp: "IdentityCenter:serviceProvider:activeCertificate",
  deleteSp: "IdentityCenter:serviceProvider:deleteCertificate",
  listIdp: "IdentityCenter:externalIdp:list",
  listIdpCerts: "IdentityCenter:externalIdp:listCertificates",
  importIdpCert: "IdentityCenter:externalIdp:importCertificate",
  deleteIdpCert: "IdentityCenter:externalIdp:deleteCertificate",
} as const;

/** The Identity Store API for one connection, every attempt signed afresh with AK/SK. */
export class HuaweiClient extends VendorHttpClient {
  readonly vendor = "huawei" as const;

  constructor(
    private readonly conn: ConnectionFor<"huawei">,
    deps?: HttpDepsInput,
  ) {
    super(deps);
  }

  /** Milliseconds this server's clock is behind Huawei's, as learnt from a refused signature. */
  clockOffsetMs(): number {
    return clockOffsets.get(this.conn.id) ?? 0;
  }

  // GET /v1/identity-stores/{identity_store_id}/saml-certificates
  listSpCertificates() {
    return this.get({
      operation: "list the service-provider certificates",
      path: this.storePath("/saml-certificates"),
      output: s.listSpCertificatesOutputSchema,
      requires: HUAWEI_ACTIONS.listSp,
    });
  }

  // POST /v1/identity-stores/{identity_store_id}/saml-certificates (no body) — 201
  createSpCertificate() {
    return this.post({
      operation: "create a service-provider certificate",
      path: this.storePath("/saml-certificates"),
      output: s.createSpCertificateOutputSchema,
      requires: HUAWEI_ACTIONS.createSp,
    });
  }

  // POST /v1/identity-stores/{identity_store_id}/saml-certificates/{certificate_id}/active — 200, empty
  activateSpCertificate(certificateId: string): Promise<void> {
    return this.post({
      operation: "activate the service-provider certificate",
      path: this.storePath(`/saml-certificates/${enc(certificateId)}/active`),
      output: expectEmpty(),
      requires: HUAWEI_ACTIONS.activateSp,
    });
  }

  // DELETE /v1/identity-stores/{identity_store_id}/saml-certificates/{certificate_id} — 200, empty
  deleteSpCertificate(certificateId: string): Promise<void> {
    return this.delete({
      operation: "delete the service-provider certificate",
      path: this.storePath(`/saml-certificates/${enc(certificateId)}`),
      output: expectEmpty(),
      requires: HUAWEI_ACTIONS.deleteSp,
    });
  }

  // GET /v1/identity-stores/{identity_store_id}/external-idp
  listExternalIdps() {
    return this.get({
      operation: "list the external identity providers",
      path: this.storePath("/external-idp"),
      output: s.listExternalIdpsOutputSchema,
      requires: HUAWEI_ACTIONS.listIdp,
    });
  }

  // GET /v1/identity-stores/{identity_store_id}/external-idp/{idp_id}/certificate
  listIdpCertificates(idpId: string) {
    return this.get({
      operation: "list the identity provider's certificates",
      path: this.storePath(`/external-idp/${enc(idpId)}/certificate`),
      output: s.listIdpCertificatesOutputSchema,
      requires: HUAWEI_ACTIONS.listIdpCerts,
    });
  }

  // POST /v1/identity-stores/{identity_store_id}/external-idp/{idp_id}/certificate
  importIdpCertificate(idpId: string, pem: string) {
    return this.post({
      operation: "import the identity provider certificate",
      path: this.storePath(`/external-idp/${enc(idpId)}/certificate`),
      input: {
        schema: s.importIdpCertificateInputSchema,
        value: { x509_certificate_in_pem: pem, certificate_use: "SIGNING" },
      },
      output: s.importIdpCertificateOutputSchema,
      requires: HUAWEI_ACTIONS.importIdpCert,
    });
  }

  // DELETE /v1/identity-stores/{identity_store_id}/external-idp/{idp_id}/certificate/{certificate_id}
  deleteIdpCertificate(idpId: string, certificateId: string): Promise<void> {
    return this.delete({
      operation: "delete the identity provider certificate",
      path: this.storePath(`/external-idp/${enc(idpId)}/certificate/${enc(certificateId)}`),
      output: expectEmpty(),
      requires: HUAWEI_ACTIONS.deleteIdpCert,
    });
  }

  protected override connectionId(): string {
    return this.conn.id;
  }

  /** The account's windows in the vendor's rate budget (rate-budget.ts), once per kind of request. */
  private readonly buckets = bucketsPerRequestKind((request) =>
    rateBucketsFor(this.vendor, huaweiRateBudget, this.conn, request, this.deps.rateHeadroomPercent),
  );

  protected override rateBuckets(request: Pick<HttpRequest<unknown>, "method" | "operation">) {
    return this.buckets(request);
  }

  protected apiBase(): string {
    return this.conn.baseUrl;
  }

  /** Content-Type on every call, bodiless ones included, as the SDK does (and signs it). */
  protected override defaultHeaders(): Record<string, string> {
    return { "content-type": "application/json", accept: "application/json" };
  }

  /** Signs each attempt with a fresh X-Sdk-Date (the gateway allows ±15 minutes). */
  protected async buildAuthHeaders(request: OutgoingRequest): Promise<Record<string, string>> {
    const { accessKeyId, secretAccessKey, securityToken } = this.conn;
    // The Node SDK signs host and content-type too; the gateway verifies whatever list we send.
    const signed: Record<string, string> = {
      "content-type": request.headers["content-type"] ?? "application/json",
      host: request.url.host,
    };
    if (securityToken) signed["x-security-token"] = securityToken;
    const date = new Date(this.deps.now() + this.clockOffsetMs());
    const auth = signRequest(
      { method: request.method, url: request.url, headers: signed, body: request.body },
      { accessKeyId, secretAccessKey },
      date,
    );
    return securityToken ? { ...auth, "X-Security-Token": securityToken } : auth;
  }

  /**
   * "signature expired" carries the gateway's time: learn the offset and re-sign once
   * (huaweicloud-sdk-java-v3#44). Any other 401 is a wrong key and is not retried.
   */
  protected override async recoverFromAuthFailure(_error: VendorError, raw: RawResponse): Promise<boolean> {
    const serverTime = serverTimeFromSkewError(raw);
    if (serverTime === undefined) return false;
    clockOffsets.set(this.conn.id, serverTime - this.deps.now());
    return true;
  }

  protected secrets(): readonly (string | undefined)[] {
    return [this.conn.secretAccessKey, this.conn.securityToken];
  }

  protected describeError(raw: RawResponse, request: RequestSummary): ErrorDetails {
    return describeHuaweiError(raw, {
      identityStoreId: this.conn.identityStoreId,
      requires: request.requires,
      temporaryCredentials: this.conn.securityToken !== undefined && this.conn.securityToken !== "",
    });
  }

  private storePath(rest: string): string {
    return `/v1/identity-stores/${enc(this.conn.identityStoreId)}${rest}`;
  }
}

function enc(segment: string): string {
  return encodeURIComponent(segment);
}
