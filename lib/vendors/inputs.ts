import { z } from "zod";
import { maxLength } from "@/lib/text/limits";

// Pure input schemas for vendor writes, shared by forms (zodResolver), server actions and the
// adapters. No `server-only` here on purpose: client forms import these; nothing here is secret.

/** A UiPath federated credential as a form submits it (POST and PUT: PUT is a full replacement). */
export const federatedCredentialInputSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Give the credential a name.")
    .max(128, "Keep the name to 128 characters or fewer."),
  description: z
    .string()
    .trim()
    .max(512, "Keep the description to 512 characters or fewer.")
    .optional()
    .transform((value) => value || undefined),
  issuer: z
    .string()
    .trim()
    .max(...maxLength("issuer", 2048))
    .refine(
      (value) => URL.canParse(value) && new URL(value).protocol === "https:",
      "The issuer must be an HTTPS URL, exactly the JWT's iss claim.",
    ),
  audience: z
    .string()
    .trim()
    .min(1, "Enter the audience: one value that must appear in the JWT's aud claim.")
    .max(...maxLength("audience", 1024)),
  subject: z
    .string()
    .trim()
    .min(1, "Enter the subject: it must equal the JWT's sub claim exactly.")
    .max(...maxLength("subject", 1024)),
});
export type FederatedCredentialInput = z.output<typeof federatedCredentialInputSchema>;
/** What a form submits (before trimming and defaults). */
export type FederatedCredentialFormInput = z.input<typeof federatedCredentialInputSchema>;

/** A test exchange of an external JWT for a UiPath token (the token itself is never returned). */
export const federatedTokenExchangeInputSchema = z.object({
  clientId: z
    .string()
    .trim()
    .min(1, "Choose the external application.")
    .max(...maxLength("application ID", 200)),
  assertion: z
    .string()
    .trim()
    .max(...maxLength("assertion", 8192))
    .regex(
      /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/,
      "Paste a JWT (three base64url parts separated by dots).",
    )
    .refine(
      (value) => new TextEncoder().encode(value).length <= 8192,
      "UiPath rejects assertions larger than 8 KB.",
    ),
  scope: z
    .string()
    .trim()
    .min(1, "Enter the scopes to request.")
    .max(...maxLength("scopes", 1024))
    .refine(
      (value) => !/\boffline_access\b/.test(value),
      "offline_access cannot be used with client credentials.",
    ),
});
export type FederatedTokenExchangeInput = z.input<typeof federatedTokenExchangeInputSchema>;

/** A certificate given to a vendor (UiPath SAML upload; Huawei IdP import takes a PEM). */
export const certificateUploadInputSchema = z.object({
  certificate: z
    .string()
    .trim()
    .min(1, "Paste or drop the certificate.")
    .max(65_536, "The certificate is too large."),
});

/** A single PEM `CERTIFICATE` block, as Huawei's IdP certificate import requires. */
export const pemCertificateInputSchema = z.object({
  pem: z
    .string()
    .trim()
    .max(...maxLength("PEM certificate", 65_536))
    .regex(
      /^-----BEGIN CERTIFICATE-----\r?\n[A-Za-z0-9+/=\r\n]+-----END CERTIFICATE-----$/,
      "Paste exactly one PEM certificate block (-----BEGIN CERTIFICATE----- … -----END CERTIFICATE-----).",
    ),
});
