import "server-only";

import { z } from "zod";

// Cloudflare API v4 shapes (docs/vendor-contracts.md, "Cloudflare Zero Trust Access"). Every JSON
// answer is an envelope.

function envelope<R extends z.ZodType>(result: R) {
  return z.object({
    success: z.literal(true),
    errors: z.array(z.unknown()),
    messages: z.array(z.unknown()).optional(),
    result,
  });
}

// The failure envelope: `{success:false, errors:[{code,message,error_chain?}], result:null}`
export const errorEnvelopeSchema = z.object({
  success: z.literal(false).optional(),
  errors: z.array(
    z.object({
      code: z.number(),
      message: z.string(),
      error_chain: z.array(z.object({ code: z.number(), message: z.string() })).optional(),
    }),
  ),
});

const certificateSchema = z.object({
  uid: z.string(),
  public_certificate: z.string(),
  not_after: z.string(),
  is_current: z.boolean(),
});

// SAMLCertificateSet (C-1…C-3). `previous_certificate` is `unknown` in the SDK; the API says it
// mirrors the current one or is null before the first rotation.
const samlCertificateSetSchema = z.object({
  uid: z.string().min(1),
  created_at: z.string(),
  updated_at: z.string(),
  current_certificate: certificateSchema.nullish(),
  previous_certificate: certificateSchema.nullish(),
});
export type SamlCertificateSet = z.infer<typeof samlCertificateSetSchema>;

// GET /accounts/{account_id}/access/saml_certificates?page=&per_page=
export const listSamlCertificateSetsOutputSchema = envelope(z.array(samlCertificateSetSchema)).extend({
  result_info: z
    .object({
      page: z.number().optional(),
      per_page: z.number().optional(),
      count: z.number().optional(),
      total_count: z.number().optional(),
      total_pages: z.number().optional(),
    })
    .optional(),
});

// GET /accounts/{account_id}/access/saml_certificates/{saml_cert_set_id}
export const getSamlCertificateSetOutputSchema = envelope(samlCertificateSetSchema);

// POST /accounts/{account_id}/access/saml_certificates/{saml_cert_set_id}/rotate (no body)
export const rotateSamlCertificateSetOutputSchema = envelope(samlCertificateSetSchema);

// GET /accounts/{account_id}/access/saml_certificates/{saml_cert_set_id}/pem — application/x-pem-file, no envelope
export const getSamlCertificatePemOutputSchema = z
  .string()
  .regex(/-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/, "not a PEM certificate");

// GET /user/tokens/verify · /accounts/{account_id}/tokens/verify
export const verifyTokenOutputSchema = envelope(
  z.object({
    id: z.string(),
    status: z.string(),
    expires_on: z.string().nullish(),
    not_before: z.string().nullish(),
  }),
);

// GET /accounts — the accounts the token may act on
export const listAccountsOutputSchema = envelope(
  z.array(z.object({ id: z.string(), name: z.string() })),
).extend({
  result_info: z.object({ total_count: z.number().optional() }).optional(),
});
