import "server-only";

import type { z } from "zod";

import type { VendorError } from "../errors";
import {
  VendorHttpClient,
  type HttpRequest,
  type ErrorDetails,
  type HttpDepsInput,
  type RequestSummary,
} from "../http";
import { expectEmpty, type RawResponse } from "../http-response";
import { bucketsPerRequestKind, rateBucketsFor } from "../rate-budget";
import type { FederatedCredentialInput } from "../inputs";
import type { ConnectionFor, FederatedTokenExchangeResult } from "../model";
import { credentialFingerprint, describeOAuthError, type CachedToken, type TokenCache } from "./auth";
import { describeUiPathError } from "./errors";
import { uipathRateBudget } from "./rate-budget";
import * as s from "./schemas";
import { FEDERATED_API_PATH, organizationApiPath, uipathTokenEndpoint } from "./urls";

const JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

/** The UiPath Identity API for one connection (docs/vendor-contracts.md, "UiPath Automation Cloud"). */
export class UiPathClient extends VendorHttpClient {
  readonly vendor = "uipath" as const;
  private usedToken: string | undefined;

  constructor(
    private readonly conn: ConnectionFor<"uipath">,
    private readonly tokens: TokenCache,
    deps?: HttpDepsInput,
  ) {
    super(deps);
  }

  /** A management token (client secret flow), from the cache when still valid. */
  managementToken(): Promise<CachedToken> {
    const { id, clientId, clientSecret, scopes } = this.conn;
    return this.tokens.get(
      id,
      credentialFingerprint([this.tokenEndpoint(), clientId, clientSecret, scopes]),
      this.deps.now,
      () =>
        this.requestToken(
          {
            grant_type: "client_credentials",
            client_id: clientId,
            client_secret: clientSecret,
            scope: scopes,
          },
          "secret",
        ),
    );
  }

  /** Exchanges a federated JWT for a token and keeps only what it grants: the token is dropped here. */
  async exchangeAssertion(
    clientId: string,
    assertion: string,
    scope: string,
  ): Promise<FederatedTokenExchangeResult> {
    const token = await this.requestToken(
      {
        grant_type: "client_credentials",
        client_id: clientId,
        client_assertion_type: JWT_BEARER,
        client_assertion: assertion,
        scope,
      },
      "assertion",
    );
    return {
      grantedScopes: token.grantedScopes,
      tokenType: token.tokenType,
      expiresInSeconds: token.expiresInSeconds,
      expiresAt: new Date(token.expiresAt).toISOString(),
    };
  }

  // GET /{organizationName}/identity_/api/SamlCertificate/{partitionGlobalId}/certificates
  getSamlCertificates() {
    return this.get({
      operation: "read the SAML certificates",
      path: this.orgPath(`SamlCertificate/${this.pgid()}/certificates`),
      output: s.getSamlCertificatesOutputSchema,
      requires: "PM.AuthSetting",
    });
  }

  // PUT /{organizationName}/identity_/api/SamlCertificate/primary · …/SamlCertificate/secondary
  uploadSamlCertificate(slot: "primary" | "secondary", certificate: string) {
    return this.put({
      operation: `upload the ${slot} SAML certificate`,
      path: this.orgPath(`SamlCertificate/${slot}`),
      input: {
        schema: s.uploadSamlCertificateInputSchema,
        value: { partitionGlobalId: this.conn.partitionGlobalId, certificate },
      },
      output: s.uploadSamlCertificateOutputSchema,
      requires: "PM.AuthSetting",
    });
  }

  // POST /{organizationName}/identity_/api/SamlCertificate/{partitionGlobalId}/switch
  switchSamlCertificates() {
    return this.post({
      operation: "switch the SAML certificates",
      path: this.orgPath(`SamlCertificate/${this.pgid()}/switch`),
      input: {
        schema: s.switchSamlCertificatesInputSchema,
        value: { partitionGlobalId: this.conn.partitionGlobalId },
      },
      output: s.switchSamlCertificatesOutputSchema,
      requires: "PM.AuthSetting",
    });
  }

  // DELETE /{organizationName}/identity_/api/SamlCertificate/{partitionGlobalId}/{certificateId}
  deleteSamlCertificate(certificateId: string) {
    return this.delete({
      operation: "delete the SAML certificate",
      path: this.orgPath(`SamlCertificate/${this.pgid()}/${enc(certificateId)}`),
      output: s.deleteSamlCertificateOutputSchema,
      requires: "PM.AuthSetting",
    });
  }

  // GET /{organizationName}/identity_/api/ExternalClient/{partitionGlobalId}
  listExternalClients() {
    return this.get({
      operation: "list the external applications",
      path: this.orgPath(`ExternalClient/${this.pgid()}`),
      output: s.listExternalClientsOutputSchema,
      requires: "PM.OAuthApp.Read",
    });
  }

  // GET /identity_/api/ExternalClient/{partitionGlobalId}/{clientId}/FederatedCredentials
  listFederatedCredentials(clientId: string) {
    return this.get({
      operation: "list the federated credentials",
      path: this.credentialsPath(clientId),
      output: s.listFederatedCredentialsOutputSchema,
      requires: "PM.OAuthApp.Read",
    });
  }

  // GET /identity_/api/ExternalClient/{partitionGlobalId}/{clientId}/FederatedCredentials/{id}
  getFederatedCredential(clientId: string, credentialId: string) {
    return this.get({
      operation: "read the federated credential",
      path: `${this.credentialsPath(clientId)}/${enc(credentialId)}`,
      output: s.getFederatedCredentialOutputSchema,
      requires: "PM.OAuthApp.Read",
    });
  }

  // POST /identity_/api/ExternalClient/{partitionGlobalId}/{clientId}/FederatedCredentials
  createFederatedCredential(clientId: string, input: FederatedCredentialInput) {
    return this.post({
      operation: "create the federated credential",
      path: this.credentialsPath(clientId),
      input: { schema: s.createFederatedCredentialInputSchema, value: input },
      output: s.createFederatedCredentialOutputSchema,
      requires: "PM.OAuthApp.Write",
    });
  }

  // PUT /identity_/api/ExternalClient/{partitionGlobalId}/{clientId}/FederatedCredentials/{id}
  updateFederatedCredential(clientId: string, credentialId: string, input: FederatedCredentialInput) {
    return this.put({
      operation: "update the federated credential",
      path: `${this.credentialsPath(clientId)}/${enc(credentialId)}`,
      input: { schema: s.createFederatedCredentialInputSchema, value: input },
      output: s.updateFederatedCredentialOutputSchema,
      requires: "PM.OAuthApp.Write",
    });
  }

  // DELETE /identity_/api/ExternalClient/{partitionGlobalId}/{clientId}/FederatedCredentials/{id} — 204
  deleteFederatedCredential(clientId: string, credentialId: string): Promise<void> {
    return this.delete({
      operation: "delete the federated credential",
      path: `${this.credentialsPath(clientId)}/${enc(credentialId)}`,
      output: expectEmpty(),
      requires: "PM.OAuthApp.Write",
    });
  }

  protected override connectionId(): string {
    return this.conn.id;
  }

  /** The account's windows in the vendor's rate budget (rate-budget.ts), once per kind of request. */
  private readonly buckets = bucketsPerRequestKind((request) =>
    rateBucketsFor(this.vendor, uipathRateBudget, this.conn, request, this.deps.rateHeadroomPercent),
  );

  protected override rateBuckets(request: Pick<HttpRequest<unknown>, "method" | "operation">) {
    return this.buckets(request);
  }

  protected apiBase(): string {
    return this.conn.baseUrl;
  }

  protected async buildAuthHeaders(): Promise<Record<string, string>> {
    const token = await this.managementToken();
    this.usedToken = token.accessToken;
    return { authorization: `Bearer ${token.accessToken}` };
  }

  /** A 401 means the cached token died early (revoked, clock skew): fetch a new one, retry once. */
  protected override async recoverFromAuthFailure(_error: VendorError, _raw: RawResponse): Promise<boolean> {
    if (this.usedToken) this.tokens.invalidate(this.conn.id, this.usedToken);
    return true;
  }

  protected secrets(): readonly (string | undefined)[] {
    return [this.conn.clientSecret, this.usedToken];
  }

  protected describeError(raw: RawResponse, request: RequestSummary): ErrorDetails {
    return describeUiPathError(raw, request);
  }

  // POST /identity_/connect/token (form; repeatable: it changes nothing at UiPath)
  private async requestToken(
    form: z.input<typeof s.requestTokenInputSchema>,
    flow: "secret" | "assertion",
  ): Promise<CachedToken & { tokenType: string; expiresInSeconds: number }> {
    const scope = form.scope;
    const token = await this.post({
      operation: flow === "secret" ? "obtain an access token" : "exchange the JWT for an access token",
      path: new URL(this.tokenEndpoint()),
      input: { schema: s.requestTokenInputSchema, value: form, encoding: "form" },
      output: s.requestTokenOutputSchema,
      idempotent: true,
      authenticate: false,
      describeError: (raw) => describeOAuthError(raw, scope, flow),
      secrets: ["client_secret" in form ? form.client_secret : form.client_assertion].filter(
        (value): value is string => Boolean(value),
      ),
    });
    return {
      accessToken: token.access_token,
      tokenType: token.token_type,
      expiresInSeconds: token.expires_in,
      expiresAt: this.deps.now() + token.expires_in * 1000,
      grantedScopes: (token.scope ?? scope).split(/\s+/).filter(Boolean),
    };
  }

  /** The token endpoint in the connection's form (with or without the organization segment). */
  tokenEndpoint(): string {
    return uipathTokenEndpoint(this.conn);
  }

  /** SAML and ExternalClient paths carry the organization name. */
  private orgPath(rest: string): string {
    return `${organizationApiPath(this.conn)}/${rest}`;
  }

  /** FederatedCredentials paths have no organization segment. */
  private credentialsPath(clientId: string): string {
    return `${FEDERATED_API_PATH}/ExternalClient/${this.pgid()}/${enc(clientId)}/FederatedCredentials`;
  }

  private pgid(): string {
    return enc(this.conn.partitionGlobalId);
  }
}

function enc(segment: string): string {
  return encodeURIComponent(segment);
}
