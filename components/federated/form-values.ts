import type { FieldErrors } from "react-hook-form";
import type { CredentialFormValues } from "@/lib/federated/schemas";
import { buildFromTemplate, defaultTemplate, detectTemplate } from "@/lib/federated/templates";
import type { FederatedCredential } from "@/lib/vendors/contracts";
import type { CredentialContext } from "./types";

export type { CredentialFormValues } from "@/lib/federated/schemas";

/** The values with issuer and subject taken from the template (what is validated, linted and sent). */
export function withTemplate(values: CredentialFormValues): CredentialFormValues {
  const built = values.template ? buildFromTemplate(values.template) : null;
  return built ? { ...values, ...built } : values;
}

/** The form's starting point: the credential being edited, or the GitHub Actions template. */
export function initialValues(
  context: CredentialContext,
  existing?: FederatedCredential,
): CredentialFormValues {
  // The acknowledgement is never carried over: each save on Trustdeck's own application asks again.
  const target = {
    connectionId: context.connectionId,
    clientId: context.clientId,
    acknowledgeSelfApplication: false,
  };
  if (existing) {
    const issuer = existing.issuer ?? "";
    const subject = existing.subject ?? "";
    return {
      ...target,
      credentialId: existing.id,
      name: existing.name ?? "",
      description: existing.description ?? "",
      issuer,
      audience: existing.audience ?? "",
      subject,
      template: detectTemplate(issuer, subject),
    };
  }
  return {
    ...target,
    name: "",
    description: "",
    issuer: "",
    audience: context.suggestedAudience,
    subject: "",
    template: defaultTemplate("github-actions"),
  };
}

/** The message of a possibly nested field ("template.owner"). */
export function errorAt(errors: FieldErrors<CredentialFormValues>, path: string): string | undefined {
  let node: unknown = errors;
  for (const key of path.split("."))
    node = node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined;
  const message = node && typeof node === "object" ? (node as { message?: unknown }).message : undefined;
  return typeof message === "string" ? message : undefined;
}
