import { z } from "zod";
import { maxLength } from "@/lib/text/limits";
import { federatedCredentialInputSchema, federatedTokenExchangeInputSchema } from "@/lib/vendors/inputs";
import { buildFromTemplate } from "./templates";

// One schema per concept, shared by the forms (zodResolver) and the server actions. No
// `server-only`: client components import these, and nothing here is secret.

const httpsUrl = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `Enter the ${what}.`)
    .max(...maxLength(what, 2048))
    .refine(
      (value) => URL.canParse(value) && new URL(value).protocol === "https:",
      `The ${what} must be an https:// URL.`,
    );

/** The kinds of ref a GitHub Actions subject can pin. */
export const GITHUB_FILTERS = ["branch", "environment", "tag", "pull_request"] as const;
export type GithubFilter = (typeof GITHUB_FILTERS)[number];

// DNS-1123 label: what Kubernetes accepts for namespaces (service accounts also allow dots).
const K8S_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const K8S_SUBDOMAIN = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

const githubTemplateSchema = z
  .object({
    kind: z.literal("github-actions"),
    issuer: httpsUrl("issuer"),
    owner: z
      .string()
      .trim()
      .max(...maxLength("owner", 39))
      .regex(
        /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/,
        "Enter the owner: the user or organization, e.g. contoso.",
      ),
    repo: z
      .string()
      .trim()
      .max(...maxLength("repository name", 100))
      .regex(/^[A-Za-z0-9._-]{1,100}$/, "Enter the repository name, e.g. robots."),
    filter: z.enum(GITHUB_FILTERS),
    value: z
      .string()
      .trim()
      .max(...maxLength("branch, environment or tag name", 255)),
  })
  .superRefine((t, ctx) => {
    if (t.filter !== "pull_request" && !t.value)
      ctx.addIssue({
        code: "custom",
        path: ["value"],
        message: `Enter the ${t.filter === "environment" ? "environment name" : t.filter}.`,
      });
  });

const gitlabTemplateSchema = z.object({
  kind: z.literal("gitlab-ci"),
  issuer: httpsUrl("GitLab instance URL"),
  projectPath: z
    .string()
    .trim()
    .max(...maxLength("project path", 255))
    .regex(
      /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)+$/,
      "Enter the full project path, e.g. group/subgroup/project.",
    ),
  refType: z.enum(["branch", "tag"]),
  ref: z
    .string()
    .trim()
    .min(1, "Enter the branch or tag name.")
    .max(...maxLength("branch or tag name", 255)),
});

const kubernetesTemplateSchema = z.object({
  kind: z.literal("kubernetes"),
  issuer: httpsUrl("cluster's service account issuer URL"),
  namespace: z
    .string()
    .trim()
    .max(...maxLength("namespace", 63))
    .regex(K8S_LABEL, "A namespace is lower-case letters, digits and -, e.g. batch."),
  serviceAccount: z
    .string()
    .trim()
    .max(...maxLength("service account name", 253))
    .regex(
      K8S_SUBDOMAIN,
      "A service account name is lower-case letters, digits, - and ., e.g. uipath-runner.",
    ),
});

const otherTemplateSchema = z.object({ kind: z.literal("other") });

/** The simple inputs a template builds the issuer and subject from. */
export const templateInputSchema = z.discriminatedUnion("kind", [
  githubTemplateSchema,
  gitlabTemplateSchema,
  kubernetesTemplateSchema,
  otherTemplateSchema,
]);
export type TemplateInput = z.input<typeof templateInputSchema>;
export type TemplateKind = TemplateInput["kind"];

/** Which UiPath connection and external application a request is about. */
export const credentialTargetSchema = z.object({
  connectionId: z.uuid("Choose a UiPath connection."),
  clientId: z
    .string()
    .trim()
    .min(1, "Choose the external application.")
    .max(...maxLength("application ID", 200)),
});

const credentialFields = federatedCredentialInputSchema.extend({
  ...credentialTargetSchema.shape,
  template: templateInputSchema.optional(),
  /**
   * Required (true) when the application is the one the connection authenticates with: a token
   * matching the credential then gets Trustdeck's own rights at UiPath. The server checks it.
   */
  acknowledgeSelfApplication: z.boolean().optional(),
});

/** A template's output must be what is saved: a stale template must not hide a hand-edited subject. */
function matchesTemplate(values: z.output<typeof credentialFields>, ctx: z.RefinementCtx) {
  const built = values.template ? buildFromTemplate(values.template) : null;
  if (!built) return;
  if (built.issuer !== values.issuer)
    ctx.addIssue({
      code: "custom",
      path: ["issuer"],
      message: "The issuer does not match the template; choose the template again or use “Other issuer”.",
    });
  if (built.subject !== values.subject)
    ctx.addIssue({
      code: "custom",
      path: ["subject"],
      message: "The subject does not match the template; choose the template again or use “Other issuer”.",
    });
}

/** Create a federated credential (the form and the action). */
export const createCredentialSchema = credentialFields.superRefine(matchesTemplate);
export type CreateCredentialValues = z.input<typeof createCredentialSchema>;
export type CreateCredentialInput = z.output<typeof createCredentialSchema>;

/** Edit a federated credential: UiPath's PUT replaces every field. */
export const updateCredentialSchema = credentialFields
  .extend({
    credentialId: z
      .string()
      .trim()
      .min(1)
      .max(...maxLength("credential ID", 200)),
  })
  .superRefine(matchesTemplate);
export type UpdateCredentialValues = z.input<typeof updateCredentialSchema>;
export type UpdateCredentialInput = z.output<typeof updateCredentialSchema>;

/**
 * The credential form, for a create and an edit alike: the credential fields plus the template
 * that builds issuer and subject (kind `other` when typed by hand). The actions take the schemas
 * above; the form's output fits both.
 */
export const credentialFormSchema = credentialFields
  .extend({
    credentialId: z
      .string()
      .trim()
      .min(1)
      .max(...maxLength("credential ID", 200))
      .optional(),
    template: templateInputSchema,
  })
  .superRefine(matchesTemplate);
export type CredentialFormValues = z.input<typeof credentialFormSchema>;
export type CredentialFormOutput = z.output<typeof credentialFormSchema>;

/** Delete one credential. */
export const deleteCredentialSchema = credentialTargetSchema.extend({
  credentialId: z
    .string()
    .trim()
    .min(1)
    .max(...maxLength("credential ID", 200)),
});
export type DeleteCredentialInput = z.output<typeof deleteCredentialSchema>;

/** Run the issuer preflight on its own (the form's "Check issuer" button). */
export const checkIssuerSchema = z.object({ issuer: federatedCredentialInputSchema.shape.issuer });

/** The tester's key lookup: the JWKS of an issuer that a credential of this application trusts. */
export const issuerKeysSchema = credentialTargetSchema.extend({
  issuer: z
    .string()
    .trim()
    .min(1)
    .max(...maxLength("issuer", 2048)),
});
export type IssuerKeysInput = z.output<typeof issuerKeysSchema>;

/** The tester's real exchange at UiPath's token endpoint. */
export const exchangeTestSchema = federatedTokenExchangeInputSchema.extend({
  connectionId: credentialTargetSchema.shape.connectionId,
});
export type ExchangeTestInput = z.output<typeof exchangeTestSchema>;
