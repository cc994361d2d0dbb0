import "server-only";

import { z } from "zod";

import { federatedCredentialInputSchema } from "../inputs";

// UiPath Identity API shapes (docs/vendor-contracts.md, "UiPath Automation Cloud"). Secret-bearing
// fields of external clients are deliberately not declared: zod drops undeclared keys, so secret
// values never get past parsing.

// POST /identity_/connect/token — form body: client credentials with a secret or a JWT assertion
export const requestTokenInputSchema = z.union([
  z.object({
    grant_type: z.literal("client_credentials"),
    client_id: z.string().min(1),
    client_secret: z.string().min(1),
    scope: z.string(),
  }),
  z.object({
    grant_type: z.literal("client_credentials"),
    client_id: z.string().min(1),
    client_assertion_type: z.literal("urn:ietf:params:oauth:client-assertion-type:jwt-bearer"),
    client_assertion: z.string().min(1),
    scope: z.string(),
  }),
]);

// POST /identity_/connect/token — 200
export const requestTokenOutputSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().int().positive(),
  token_type: z.string(),
  scope: z.string().optional(),
});

// POST /identity_/connect/token — 400/401, RFC 6749 §5.2
export const oauthErrorSchema = z.object({
  error: z.string(),
  error_description: z.string().optional(),
});

// Any Identity API 4xx: ASP.NET model state, possibly wrapped as ProblemDetails.
export const modelStateErrorSchema = z.object({
  errors: z.record(z.string(), z.union([z.array(z.string()), z.string()])).optional(),
  title: z.string().optional(),
  detail: z.string().optional(),
  message: z.string().optional(),
  traceId: z.string().optional(),
});

const certificateId = z.number().int().nullish();
const certificateText = z.string().nullish();

// SamlCertificatePairDto, returned by U-1…U-4
const samlCertificatePairSchema = z.object({
  partitionGlobalId: z.string(),
  primaryCertificateId: certificateId,
  primaryCertificate: certificateText,
  primaryCertificateThumbprint: certificateText,
  secondaryCertificateId: certificateId,
  secondaryCertificate: certificateText,
  secondaryCertificateThumbprint: certificateText,
});
export type SamlCertificatePair = z.infer<typeof samlCertificatePairSchema>;

// GET /{org}/identity_/api/SamlCertificate/{partitionGlobalId}/certificates
export const getSamlCertificatesOutputSchema = samlCertificatePairSchema;

// PUT /{org}/identity_/api/SamlCertificate/primary | /secondary — request body
export const uploadSamlCertificateInputSchema = z.object({
  partitionGlobalId: z.string(),
  certificate: z.string().min(1),
});
// PUT /{org}/identity_/api/SamlCertificate/primary | /secondary — 200
export const uploadSamlCertificateOutputSchema = samlCertificatePairSchema;

// POST /{org}/identity_/api/SamlCertificate/{partitionGlobalId}/switch — request body
export const switchSamlCertificatesInputSchema = z.object({ partitionGlobalId: z.string() });
// POST /{org}/identity_/api/SamlCertificate/{partitionGlobalId}/switch — 200
export const switchSamlCertificatesOutputSchema = samlCertificatePairSchema;

// DELETE /{org}/identity_/api/SamlCertificate/{partitionGlobalId}/{certificateId} — 200 `true`
export const deleteSamlCertificateOutputSchema = z.boolean();

// ExternalClientDto without `secret` and `secrets[].secret`
const externalClientSchema = z.object({
  id: z.string(),
  name: z.string(),
  isConfidential: z.boolean(),
  resources: z
    .array(
      z.object({
        name: z.string(),
        scopes: z.array(z.object({ name: z.string(), type: z.string().nullish() })).nullish(),
      }),
    )
    .nullish(),
  secrets: z
    .array(
      z.object({
        id: z.number().int(),
        description: z.string().nullish(),
        creationTime: z.string().nullish(),
        expiryTime: z.string().nullish(),
      }),
    )
    .nullish(),
});
export type ExternalClient = z.infer<typeof externalClientSchema>;

// GET /{org}/identity_/api/ExternalClient/{partitionGlobalId}
export const listExternalClientsOutputSchema = z.array(externalClientSchema);

// FederatedCredentialDto
const federatedCredentialSchema = z.object({
  id: z.string(),
  clientId: z.string().nullish(),
  name: z.string().nullish(),
  description: z.string().nullish(),
  issuer: z.string().nullish(),
  audience: z.string().nullish(),
  subject: z.string().nullish(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type FederatedCredentialDto = z.infer<typeof federatedCredentialSchema>;

// GET /identity_/api/ExternalClient/{partitionGlobalId}/{clientId}/FederatedCredentials
export const listFederatedCredentialsOutputSchema = z.array(federatedCredentialSchema);
// GET …/FederatedCredentials/{credentialId}
export const getFederatedCredentialOutputSchema = federatedCredentialSchema;
// POST …/FederatedCredentials — request body (PUT …/{credentialId} takes the same, in full)
export const createFederatedCredentialInputSchema = federatedCredentialInputSchema;
// POST …/FederatedCredentials — 201
export const createFederatedCredentialOutputSchema = federatedCredentialSchema;
// PUT …/FederatedCredentials/{credentialId} — 200
export const updateFederatedCredentialOutputSchema = federatedCredentialSchema;
