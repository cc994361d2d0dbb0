import type { UipathRuntime } from "./model";
import type { ExternalApp, FederatedCredential } from "./model";

/** At most this many federated credentials per external application. */
export const MAX_FEDERATED_CREDENTIALS = 20;
export const MAX_NAME = 128;
export const MAX_DESCRIPTION = 512;

/** The validated request body of POST and PUT (PUT is a full replacement). */
export interface FederatedCredentialInput {
  name: string;
  description: string | null;
  issuer: string;
  audience: string;
  subject: string;
}

type Errors = Record<string, string[]>;

/** Field rules (DataAnnotations-style messages); returns the input or the model-state errors. */
export function validateFields(
  body: Record<string, unknown>,
): { ok: true; input: FederatedCredentialInput } | { ok: false; errors: Errors } {
  const errors: Errors = {};
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);
  const str = (field: string, label: string, max?: number): string | null => {
    const value = body[field];
    if (value !== undefined && value !== null && typeof value !== "string") {
      add(`$.${field}`, "The JSON value could not be converted to System.String.");
      return null;
    }
    if (typeof value === "string" && max !== undefined && value.length > max)
      add(field, `The field ${label} must be a string with a maximum length of ${max}.`);
    return typeof value === "string" ? value : null;
  };
  const required = (field: string, label: string, max?: number): string => {
    const value = str(field, label, max);
    if (value === null || value.trim() === "") {
      if (!errors[`$.${field}`]) add(field, `The ${label} field is required.`);
      return "";
    }
    return value;
  };
  const name = required("name", "Name", MAX_NAME);
  const description = str("description", "Description", MAX_DESCRIPTION);
  const issuer = required("issuer", "Issuer");
  const audience = required("audience", "Audience");
  const subject = required("subject", "Subject");
  if (issuer !== "" && !isHttpsUri(issuer)) add("issuer", "The Issuer must be a valid HTTPS URI.");
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, input: { name, description, issuer, audience, subject } };
}

/**
 * Rules against the application's other credentials, then the issuer JWKS, which
 * UiPath fetches on every create and update (really fetched here, over HTTPS).
 */
export async function validateAgainstApp(
  runtime: UipathRuntime,
  app: ExternalApp,
  input: FederatedCredentialInput,
  selfId?: string,
): Promise<Errors | undefined> {
  const before = checkSiblings(app, input, selfId);
  if (before) return before;
  const probe = await runtime.jwks.probe(input.issuer);
  if (!probe.ok) return { issuer: [`The JWKS endpoint of issuer '${input.issuer}' is unreachable.`] };
  // Checked again: a concurrent create may have landed while the JWKS was fetched.
  return checkSiblings(app, input, selfId);
}

function checkSiblings(
  app: ExternalApp,
  input: FederatedCredentialInput,
  selfId?: string,
): Errors | undefined {
  const others = app.federatedCredentials.filter((c) => c.id !== selfId);
  if (selfId === undefined && others.length >= MAX_FEDERATED_CREDENTIALS) {
    return {
      federatedCredentials: [
        `An application can have at most ${MAX_FEDERATED_CREDENTIALS} federated credentials.`,
      ],
    };
  }
  // Uniqueness is case-insensitive [I]: UiPath runs on SQL Server's default collation.
  if (others.some((c) => c.name.toLowerCase() === input.name.toLowerCase())) {
    return { name: [`A federated credential named '${input.name}' already exists for this application.`] };
  }
  if (others.some((c) => c.issuer === input.issuer && c.subject === input.subject)) {
    return {
      subject: ["A federated credential for this issuer and subject already exists for this application."],
    };
  }
  return undefined;
}

/** Applies input to a credential (create or full replacement). */
export function applyInput(
  target: FederatedCredential,
  input: FederatedCredentialInput,
  nowIso: string,
): FederatedCredential {
  return Object.assign(target, input, { updatedAt: nowIso });
}

function isHttpsUri(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" && url.hostname !== "";
  } catch {
    return false;
  }
}
