import "server-only";

import type { ZodType } from "zod";

import type { VendorError } from "../errors";
import {
  VendorHttpClient,
  type ErrorDetails,
  type HttpDepsInput,
  type HttpMethod,
  type RequestSummary,
} from "../http";
import { expectEmpty, expectJson, jsonBodyOf, type RawResponse, type ResponseReader } from "../http-response";
import type { FederatedCredentialInput } from "../inputs";
import type { ConnectionFor, FederatedTokenExchangeResult } from "../model";
import {
  credentialFingerprint,
  describeOAuthError,
  tokenEndpoint,
  type CachedToken,
  type TokenCache,
} from "./auth";
import * as s from "./schemas";

const FORM = { "content-type": "application/x-www-form-urlencoded", accept: "application/json" };
const JSON_HEADERS = { "content-type": "application/json", accept: "application/json" };

/** The UiPath Identity API for one connection (vendor-apis.md §1). */
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
    const { id, baseUrl, clientId, clientSecret, scopes } = this.conn;
    return this.tokens.get(
      id,
      credentialFingerprint([baseUrl, clientId, clientSecret, scopes]),
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
          scopes,
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
        client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
        client_assertion: assertion,
        scope,
      },
      "assertion",
      scope,
    );
    return {
      grantedScopes: token.grantedScopes,
      tokenType: token.tokenType,
      expiresInSeconds: token.expiresInSeconds,
      expiresAt: new Date(token.expiresAt).toISOString(),
    };
  }

  getSamlCertificates() {
    return this.call(
      "GET",
      this.orgPath(`SamlCertificate/${this.pgid()}/certificates`),
      "read the SAML certificates",
      s.getSamlCertificatesOutputSchema,
      "PM.AuthSetting",
    );
  }

  uploadSamlCertificate(slot: "primary" | "secondary", certificate: string) {
    const body = s.uploadSamlCertificateInputSchema.parse({
      partitionGlobalId: this.conn.partitionGlobalId,
      certificate,
    });
    return this.call(
      "PUT",
      this.orgPath(`SamlCertificate/${slot}`),
      `upload the ${slot} SAML certificate`,
      s.uploadSamlCertificateOutputSchema,
      "PM.AuthSetting",
      body,
    );
  }

  switchSamlCertificates() {
    const body = s.switchSamlCertificatesInputSchema.parse({
      partitionGlobalId: this.conn.partitionGlobalId,
    });
    return this.call(
      "POST",
      this.orgPath(`SamlCertificate/${this.pgid()}/switch`),
      "switch the SAML certificates",
      s.switchSamlCertificatesOutputSchema,
      "PM.AuthSetting",
      body,
    );
  }

  deleteSamlCertificate(certificateId: string) {
    return this.call(
      "DELETE",
      this.orgPath(`SamlCertificate/${this.pgid()}/${enc(certificateId)}`),
      "delete the SAML certificate",
      s.deleteSamlCertificateOutputSchema,
      "PM.AuthSetting",
    );
  }

  listExternalClients() {
    return this.call(
      "GET",
      this.orgPath(`ExternalClient/${this.pgid()}`),
      "list the external applications",
      s.listExternalClientsOutputSchema,
      "PM.OAuthApp.Read",
    );
  }

  listFederatedCredentials(clientId: string) {
    return this.call(
      "GET",
      this.credentialsPath(clientId),
      "list the federated credentials",
      s.listFederatedCredentialsOutputSchema,
      "PM.OAuthApp.Read",
    );
  }

  getFederatedCredential(clientId: string, credentialId: string) {
    return this.call(
      "GET",
      `${this.credentialsPath(clientId)}/${enc(credentialId)}`,
      "read the federated credential",
      s.getFederatedCredentialOutputSchema,
      "PM.OAuthApp.Read",
    );
  }

  createFederatedCredential(clientId: string, input: FederatedCredentialInput) {
    const body = s.createFederatedCredentialInputSchema.parse(input);
    return this.call(
      "POST",
      this.credentialsPath(clientId),
      "create the federated credential",
      s.createFederatedCredentialOutputSchema,
      "PM.OAuthApp.Write",
      body,
    );
  }

  updateFederatedCredential(clientId: string, credentialId: string, input: FederatedCredentialInput) {
    const body = s.createFederatedCredentialInputSchema.parse(input);
    return this.call(
      "PUT",
      `${this.credentialsPath(clientId)}/${enc(credentialId)}`,
      "update the federated credential",
      s.updateFederatedCredentialOutputSchema,
      "PM.OAuthApp.Write",
      body,
    );
  }

  deleteFederatedCredential(clientId: string, credentialId: string): Promise<void> {
    return this.sendTo(
      "DELETE",
      `${this.credentialsPath(clientId)}/${enc(credentialId)}`,
      "delete the federated credential",
      expectEmpty(),
      "PM.OAuthApp.Write",
    );
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
    const parsed = s.modelStateErrorSchema.safeParse(jsonBodyOf(raw));
    const body = parsed.success ? parsed.data : {};
    const fieldErrors =
      body.errors &&
      Object.fromEntries(Object.entries(body.errors).map(([field, messages]) => [field, [messages].flat()]));
    const firstField = fieldErrors && Object.values(fieldErrors).flat()[0];
    const details: ErrorDetails = {
      vendorMessage: firstField ?? body.detail ?? body.message ?? body.title,
      requestId:
        body.traceId ?? raw.headers.get("x-request-id") ?? raw.headers.get("x-correlation-id") ?? undefined,
      fieldErrors,
    };
    if (raw.status === 403 && request.requires) {
      details.userMessage = `The external application lacks the scope ${request.requires} (or ${request.requires.replace(/\.(Read|Write)$/, "")}). In UiPath Admin → External Applications, add it as an application scope, then test the connection again.`;
    }
    if (
      raw.status === 400 &&
      fieldErrors &&
      Object.keys(fieldErrors).some((f) => f.toLowerCase() === "partitionglobalid")
    ) {
      details.userMessage = `UiPath does not accept the partitionGlobalId: ${firstField ?? "invalid value"}. Use the organization's GUID (from ?organizationId= in the portal URL), not its name.`;
    }
    if (raw.status === 401) {
      details.userMessage =
        "UiPath refused a freshly issued access token. Check that the access URL and organization match the external application's organization.";
    }
    return details;
  }

  private requestToken(
    form: Record<string, string>,
    flow: "secret" | "assertion",
    scopes: string,
  ): Promise<CachedToken & { tokenType: string; expiresInSeconds: number }> {
    return this.send({
      operation: flow === "secret" ? "obtain an access token" : "exchange the JWT for an access token",
      method: "POST",
      url: tokenEndpoint(this.conn.baseUrl),
      headers: FORM,
      body: new URLSearchParams(form).toString(),
      idempotent: true,
      authenticate: false,
      read: expectJson(s.requestTokenOutputSchema),
      describeError: (raw) => describeOAuthError(raw, scopes, flow),
      secrets: [form.client_secret, form.client_assertion].filter((value): value is string => Boolean(value)),
    }).then((token) => ({
      accessToken: token.access_token,
      tokenType: token.token_type,
      expiresInSeconds: token.expires_in,
      expiresAt: this.deps.now() + token.expires_in * 1000,
      grantedScopes: (token.scope ?? scopes).split(/\s+/).filter(Boolean),
    }));
  }

  private call<S extends ZodType>(
    method: HttpMethod,
    path: string,
    operation: string,
    schema: S,
    requires: string,
    body?: unknown,
  ) {
    return this.sendTo(method, path, operation, expectJson(schema), requires, body);
  }

  private sendTo<T>(
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
      url: new URL(`${this.conn.baseUrl}${path}`),
      headers: JSON_HEADERS,
      body: body === undefined ? undefined : JSON.stringify(body),
      read,
      requires,
    });
  }

  /** SAML and ExternalClient paths carry the organization name. */
  private orgPath(rest: string): string {
    return `/${enc(this.conn.organizationName)}/identity_/api/${rest}`;
  }

  /** FederatedCredentials paths have no organization segment. */
  private credentialsPath(clientId: string): string {
    return `/identity_/api/ExternalClient/${this.pgid()}/${enc(clientId)}/FederatedCredentials`;
  }

  private pgid(): string {
    return enc(this.conn.partitionGlobalId);
  }
}

function enc(segment: string): string {
  return encodeURIComponent(segment);
}
