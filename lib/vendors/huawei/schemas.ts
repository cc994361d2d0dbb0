import "server-only";

import { z } from "zod";

// Huawei Cloud IAM Identity Center (Identity Store host) shapes (docs/vendor-contracts.md, "Huawei
// Cloud IAM Identity Center").

// Error body `{error_code, error_msg, request_id, encoded_authorization_message?}`; the SDK
// falls back to `code`/`message` and searches nested objects, so `findErrorFields` does too.
export const errorBodySchema = z.object({
  error_code: z.string().optional(),
  error_msg: z.string().optional(),
  code: z.union([z.string(), z.number()]).optional(),
  message: z.string().optional(),
  request_id: z.string().optional(),
});

// SpCertificateDto
const spCertificateSchema = z.object({
  certificate_id: z.string().min(1),
  x509certificate: z.string(),
  algorithm: z.string(),
  /** Epoch milliseconds. */
  expiry_date: z.number(),
  state: z.enum(["ACTIVE", "INACTIVE", "EXPIRED"]),
});
export type SpCertificate = z.infer<typeof spCertificateSchema>;

// GET /v1/identity-stores/{identity_store_id}/saml-certificates — 200, a bare array
export const listSpCertificatesOutputSchema = z.array(spCertificateSchema);

// POST /v1/identity-stores/{identity_store_id}/saml-certificates — 201 (no request body)
export const createSpCertificateOutputSchema = spCertificateSchema;

// GET /v1/identity-stores/{identity_store_id}/external-idp — 200
export const listExternalIdpsOutputSchema = z.object({
  associations: z.array(
    z.object({
      idp_id: z.string().min(1),
      is_enabled: z.boolean().nullish(),
      idp_saml_config: z
        .object({ entity_id: z.string().nullish(), login_url: z.string().nullish() })
        .nullish(),
      idp_certificate_ids: z
        .array(z.object({ certificate_id: z.string(), status: z.string().nullish() }))
        .nullish(),
    }),
  ),
});
export type ExternalIdp = z.infer<typeof listExternalIdpsOutputSchema>["associations"][number];

// GET /v1/identity-stores/{identity_store_id}/external-idp/{idp_id}/certificate — 200.
// Note the capital C of `x509_Certificate_in_pem` in responses (requests use lower case).
export const listIdpCertificatesOutputSchema = z.object({
  idp_certificates: z.array(
    z.object({
      certificate_id: z.string().min(1),
      x509_Certificate_in_pem: z.string(),
      subject_name: z.string().nullish(),
      serial_number_string: z.string().nullish(),
    }),
  ),
});
export type IdpCertificate = z.infer<typeof listIdpCertificatesOutputSchema>["idp_certificates"][number];

// POST /v1/identity-stores/{identity_store_id}/external-idp/{idp_id}/certificate — request body
export const importIdpCertificateInputSchema = z.object({
  x509_certificate_in_pem: z.string().min(1),
  // The doc text says "signature"; its example and the SDK enum say SIGNING.
  certificate_use: z.literal("SIGNING"),
});
// POST …/external-idp/{idp_id}/certificate — 200 (not 201)
export const importIdpCertificateOutputSchema = z.object({ certificate_id: z.string().min(1) });
