import {
  knownIssuerLike,
  miscasedKeywords,
  styleLabel,
  subjectStyleOf,
  upperCaseKubernetesNames,
} from "./conventions";
import { MAX_CREDENTIALS_PER_APP, MAX_DESCRIPTION_LENGTH, MAX_NAME_LENGTH } from "./limits";

// Lint before save: each finding is one sentence that says what is wrong and why it matters.
// Errors are things UiPath refuses or that can never match a token; warnings are likely mistakes.

export { MAX_CREDENTIALS_PER_APP, MAX_DESCRIPTION_LENGTH, MAX_NAME_LENGTH };

export type LintField = "name" | "description" | "issuer" | "audience" | "subject" | "form";

/** One finding, with a stable code for tests and the field it belongs to. */
export interface LintFinding {
  code: string;
  field: LintField;
  severity: "error" | "warning";
  message: string;
}

/** The fields as typed (before trimming). */
export interface LintValues {
  name?: string;
  description?: string | null;
  issuer?: string;
  audience?: string;
  subject?: string;
}

/** The application's other credentials; `selfId` is the one being edited (absent on create). */
export interface LintContext {
  siblings: readonly { id: string; name: string | null; issuer: string | null; subject: string | null }[];
  selfId?: string;
}

const FIELD_LABELS = {
  name: "name",
  description: "description",
  issuer: "issuer",
  audience: "audience",
  subject: "subject",
} as const;

function whitespace(values: LintValues): LintFinding[] {
  return (Object.keys(FIELD_LABELS) as (keyof typeof FIELD_LABELS)[]).flatMap((field) => {
    const value = values[field] ?? "";
    if (!value || value === value.trim()) return [];
    const where =
      value.trimStart() !== value && value.trimEnd() !== value
        ? "starts and ends"
        : value.trimStart() !== value
          ? "starts"
          : "ends";
    const why =
      field === "issuer" || field === "subject" || field === "audience"
        ? " Tokens never carry it and UiPath compares the value exactly;"
        : "";
    return [
      {
        code: "whitespace",
        field,
        severity: "warning" as const,
        message: `The ${FIELD_LABELS[field]} ${where} with a space or line break.${why} Trustdeck removes it when saving.`,
      },
    ];
  });
}

function issuerFindings(raw: string): LintFinding[] {
  const issuer = raw.trim();
  if (!issuer) return [];
  const out: LintFinding[] = [];
  const add = (code: string, severity: LintFinding["severity"], message: string) =>
    out.push({ code, field: "issuer", severity, message });
  if (!URL.canParse(issuer)) {
    add(
      "issuer-not-url",
      "error",
      "The issuer is not a URL: it must be the exact https:// address in the tokens' iss claim.",
    );
    return out;
  }
  const url = new URL(issuer);
  if (url.protocol !== "https:")
    add(
      "issuer-not-https",
      "error",
      `The issuer uses ${url.protocol.replace(":", "")}://; UiPath accepts only https:// issuers.`,
    );
  if (url.search || url.hash)
    add(
      "issuer-query",
      "error",
      "The issuer has a query string or fragment; an OIDC issuer URL has neither, so no token's iss will equal it.",
    );
  const known = knownIssuerLike(issuer);
  if (known && !known.exact) {
    const onlyCase = known.issuer.toLowerCase() === issuer.toLowerCase();
    const onlySlash = known.issuer === issuer.replace(/\/+$/, "");
    const how = onlyCase
      ? "only in case"
      : onlySlash
        ? "by a trailing slash"
        : "in case and by a trailing slash";
    add(
      onlyCase ? "issuer-case" : "issuer-trailing-slash",
      "error",
      `${known.label} tokens carry iss “${known.issuer}” exactly; this issuer differs ${how}, and UiPath compares iss byte for byte.`,
    );
  } else if (!known && issuer.endsWith("/")) {
    add(
      "issuer-trailing-slash",
      "warning",
      "The issuer ends with “/”. Most issuers' iss has no trailing slash and UiPath compares byte for byte: keep it only if the tokens' iss has it too (the preflight checks the discovery document).",
    );
  }
  return out;
}

function subjectFindings(rawSubject: string, rawIssuer: string): LintFinding[] {
  const subject = rawSubject.trim();
  if (!subject) return [];
  const out: LintFinding[] = [];
  const add = (code: string, severity: LintFinding["severity"], message: string) =>
    out.push({ code, field: "subject", severity, message });
  const style = subjectStyleOf(subject);
  if (style) {
    const bad = miscasedKeywords(subject, style);
    if (bad.length)
      add(
        "subject-keyword-case",
        "warning",
        `${styleLabel(style)} writes its subject keywords in lower case; this subject has ${bad.map((b) => `“${b}”`).join(", ")}, which no token will carry.`,
      );
    const known = knownIssuerLike(rawIssuer.trim());
    if (known && known.style !== style)
      add(
        "subject-issuer-mismatch",
        "warning",
        `This subject has ${styleLabel(style)}'s shape, but the issuer is ${known.label}'s: its tokens never carry such a sub.`,
      );
  }
  if (style === "kubernetes") {
    const upper = upperCaseKubernetesNames(subject);
    if (upper.length)
      add(
        "kubernetes-case",
        "warning",
        `Kubernetes namespaces and service account names are lower case; a token will never carry ${upper.map((n) => `“${n}”`).join(" or ")}.`,
      );
  }
  if (subject.includes("*"))
    add(
      "subject-wildcard",
      "warning",
      "UiPath has no wildcards: “*” in the subject only matches a literal “*”. Add one credential per branch or environment instead.",
    );
  return out;
}

function siblingFindings(values: LintValues, context: LintContext): LintFinding[] {
  const others = context.siblings.filter((c) => c.id !== context.selfId);
  const out: LintFinding[] = [];
  if (context.selfId === undefined && others.length >= MAX_CREDENTIALS_PER_APP) {
    out.push({
      code: "limit",
      field: "form",
      severity: "error",
      message: `This application already has ${others.length} federated credentials, UiPath's maximum of ${MAX_CREDENTIALS_PER_APP}: delete one before adding another.`,
    });
  }
  const name = (values.name ?? "").trim();
  const clash = name ? others.find((c) => (c.name ?? "").toLowerCase() === name.toLowerCase()) : undefined;
  if (clash) {
    const sameCase = clash.name === name;
    out.push({
      code: "name-clash",
      field: "name",
      severity: "error",
      message: sameCase
        ? `This application already has a credential named “${name}”; names must be unique within an application.`
        : `“${name}” differs from the existing credential “${clash.name}” only in case, and UiPath treats them as the same name.`,
    });
  }
  const issuer = (values.issuer ?? "").trim();
  const subject = (values.subject ?? "").trim();
  const twin =
    issuer && subject ? others.find((c) => c.issuer === issuer && c.subject === subject) : undefined;
  if (twin) {
    out.push({
      code: "duplicate-pair",
      field: "subject",
      severity: "error",
      message: `Credential “${twin.name ?? twin.id}” already trusts this issuer and subject; UiPath allows one credential per issuer and subject in an application.`,
    });
  }
  return out;
}

function lengthFindings(values: LintValues): LintFinding[] {
  const out: LintFinding[] = [];
  const name = (values.name ?? "").trim();
  const description = (values.description ?? "").trim();
  if (name.length > MAX_NAME_LENGTH)
    out.push({
      code: "name-length",
      field: "name",
      severity: "error",
      message: `The name is ${name.length} characters; UiPath allows ${MAX_NAME_LENGTH}.`,
    });
  if (description.length > MAX_DESCRIPTION_LENGTH) {
    out.push({
      code: "description-length",
      field: "description",
      severity: "error",
      message: `The description is ${description.length} characters; UiPath allows ${MAX_DESCRIPTION_LENGTH}.`,
    });
  }
  return out;
}

/**
 * Everything worth saying about a credential before it is saved, errors first. Runs in the
 * browser as the form changes and again on the server, which refuses a save with errors.
 */
export function lintCredential(values: LintValues, context: LintContext): LintFinding[] {
  const findings = [
    ...siblingFindings(values, context),
    ...lengthFindings(values),
    ...whitespace(values),
    ...issuerFindings(values.issuer ?? ""),
    ...subjectFindings(values.subject ?? "", values.issuer ?? ""),
  ];
  return [
    ...findings.filter((f) => f.severity === "error"),
    ...findings.filter((f) => f.severity === "warning"),
  ];
}

/** The errors of a lint run, grouped by field as server actions return them. */
export function lintFieldErrors(findings: readonly LintFinding[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const finding of findings)
    if (finding.severity === "error") (out[finding.field] ??= []).push(finding.message);
  return out;
}
