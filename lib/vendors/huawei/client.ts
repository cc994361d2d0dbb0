import "server-only";

import type { ZodType } from "zod";

import type { VendorError } from "../errors";
import {
  VendorHttpClient,
  type ErrorDetails,
  type HttpDepsInput,
  type HttpMethod,
  type RequestSummary,
  type OutgoingRequest,
} from "../http";
import { expectEmpty, expectJson, type RawResponse, type ResponseReader } from "../http-response";
import type { ConnectionFor } from "../model";
import { describeHuaweiError, serverTimeFromSkewError } from "./errors";
import * as s from "./schemas";
import { signRequest } from "./signer";

/** Clock corrections learnt from "signature expired" answers, per connection (server memory). */
const clockOffsets = new Map<string, number>();

/** IAM actions named in permission errors (vendor-apis.md §3.1). */
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

  listSpCertificates() {
    return this.json(
      "GET",
      "/saml-certificates",
      "list the service-provider certificates",
      s.listSpCertificatesOutputSchema,
      HUAWEI_ACTIONS.listSp,
    );
  }

  createSpCertificate() {
    return this.json(
      "POST",
      "/saml-certificates",
      "create a service-provider certificate",
      s.createSpCertificateOutputSchema,
      HUAWEI_ACTIONS.createSp,
    );
  }

  activateSpCertificate(certificateId: string): Promise<void> {
    return this.call(
      "POST",
      `/saml-certificates/${enc(certificateId)}/active`,
      "activate the service-provider certificate",
      expectEmpty(),
      HUAWEI_ACTIONS.activateSp,
    );
  }

  deleteSpCertificate(certificateId: string): Promise<void> {
    return this.call(
      "DELETE",
      `/saml-certificates/${enc(certificateId)}`,
      "delete the service-provider certificate",
      expectEmpty(),
      HUAWEI_ACTIONS.deleteSp,
    );
  }

  listExternalIdps() {
    return this.json(
      "GET",
      "/external-idp",
      "list the external identity providers",
      s.listExternalIdpsOutputSchema,
      HUAWEI_ACTIONS.listIdp,
    );
  }

  listIdpCertificates(idpId: string) {
    return this.json(
      "GET",
      `/external-idp/${enc(idpId)}/certificate`,
      "list the identity provider's certificates",
      s.listIdpCertificatesOutputSchema,
      HUAWEI_ACTIONS.listIdpCerts,
    );
  }

  importIdpCertificate(idpId: string, pem: string) {
    const body = s.importIdpCertificateInputSchema.parse({
      x509_certificate_in_pem: pem,
      certificate_use: "SIGNING",
    });
    return this.json(
      "POST",
      `/external-idp/${enc(idpId)}/certificate`,
      "import the identity provider certificate",
      s.importIdpCertificateOutputSchema,
      HUAWEI_ACTIONS.importIdpCert,
      body,
    );
  }

  deleteIdpCertificate(idpId: string, certificateId: string): Promise<void> {
    return this.call(
      "DELETE",
      `/external-idp/${enc(idpId)}/certificate/${enc(certificateId)}`,
      "delete the identity provider certificate",
      expectEmpty(),
      HUAWEI_ACTIONS.deleteIdpCert,
    );
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
    });
  }

  private json<S extends ZodType>(
    method: HttpMethod,
    path: string,
    operation: string,
    schema: S,
    requires: string,
    body?: unknown,
  ) {
    return this.call(method, path, operation, expectJson(schema), requires, body);
  }

  private call<T>(
    method: HttpMethod,
    path: string,
    operation: string,
    read: ResponseReader<T>,
    requires: string,
    body?: unknown,
  ): Promise<T> {
    return this.send({
      operation,
      method,
      url: new URL(`${this.conn.baseUrl}/v1/identity-stores/${enc(this.conn.identityStoreId)}${path}`),
      // Content-Type on every call, bodiless ones included, as the SDK does (and signs it).
      headers: { "content-type": "application/json", accept: "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      read,
      requires,
    });
  }
}

function enc(segment: string): string {
  return encodeURIComponent(segment);
}
