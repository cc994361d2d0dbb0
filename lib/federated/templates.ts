import type { GithubFilter, TemplateInput, TemplateKind } from "./schemas";

// Templates build a credential's issuer and subject from the inputs an administrator knows
// (owner, repository, branch…), in the exact format each issuer writes into its tokens.

/** GitHub.com's Actions issuer (GitHub Enterprise Cloud can use `…/<enterprise>`). */
export const GITHUB_ISSUER = "https://token.actions.githubusercontent.com";
/** GitLab.com's issuer; self-managed instances use their own URL. */
export const GITLAB_ISSUER = "https://gitlab.com";

/** Labels of the templates, in the order the form offers them. */
export const TEMPLATE_LABELS: Record<TemplateKind, string> = {
  "github-actions": "GitHub Actions",
  "gitlab-ci": "GitLab CI",
  kubernetes: "Kubernetes service account",
  other: "Other issuer",
};

/** Labels of the GitHub ref kinds. */
export const GITHUB_FILTER_LABELS: Record<GithubFilter, string> = {
  branch: "Branch",
  environment: "Environment",
  tag: "Tag",
  pull_request: "Pull request",
};

/** A template with its default inputs. */
export function defaultTemplate(kind: TemplateKind): TemplateInput {
  switch (kind) {
    case "github-actions":
      return { kind, issuer: GITHUB_ISSUER, owner: "", repo: "", filter: "branch", value: "main" };
    case "gitlab-ci":
      return { kind, issuer: GITLAB_ISSUER, projectPath: "", refType: "branch", ref: "main" };
    case "kubernetes":
      return { kind, issuer: "", namespace: "", serviceAccount: "" };
    case "other":
      return { kind };
  }
}

function githubQualifier(filter: GithubFilter, value: string): string {
  switch (filter) {
    case "branch":
      return `ref:refs/heads/${value}`;
    case "tag":
      return `ref:refs/tags/${value}`;
    case "environment":
      return `environment:${value}`;
    case "pull_request":
      return "pull_request";
  }
}

/**
 * The issuer and exact `sub` a template stands for. "Other" builds nothing: its fields are typed
 * in directly, so it returns null.
 */
export function buildFromTemplate(template: TemplateInput): { issuer: string; subject: string } | null {
  const t = (value: string) => value.trim();
  switch (template.kind) {
    case "github-actions":
      return {
        issuer: t(template.issuer),
        subject: `repo:${t(template.owner)}/${t(template.repo)}:${githubQualifier(template.filter, t(template.value))}`,
      };
    case "gitlab-ci":
      return {
        issuer: t(template.issuer),
        subject: `project_path:${t(template.projectPath)}:ref_type:${template.refType}:ref:${t(template.ref)}`,
      };
    case "kubernetes":
      return {
        issuer: t(template.issuer),
        subject: `system:serviceaccount:${t(template.namespace)}:${t(template.serviceAccount)}`,
      };
    case "other":
      return null;
  }
}

const GITHUB_SUBJECT =
  /^repo:([^/:]+)\/([^:]+):(?:ref:refs\/heads\/(.+)|ref:refs\/tags\/(.+)|environment:(.+)|(pull_request))$/;
const GITLAB_SUBJECT = /^project_path:([^:]+):ref_type:(branch|tag):ref:(.+)$/;
const K8S_SUBJECT = /^system:serviceaccount:([^:]+):([^:]+)$/;

/**
 * The template a saved credential was (or could have been) built with, so that editing shows
 * the simple inputs again. Subjects in any other shape open as "Other issuer".
 */
export function detectTemplate(issuer: string, subject: string): TemplateInput {
  const github = GITHUB_SUBJECT.exec(subject);
  if (github) {
    const [, owner = "", repo = "", branch, tag, environment] = github;
    const filter: GithubFilter =
      branch !== undefined
        ? "branch"
        : tag !== undefined
          ? "tag"
          : environment !== undefined
            ? "environment"
            : "pull_request";
    return { kind: "github-actions", issuer, owner, repo, filter, value: branch ?? tag ?? environment ?? "" };
  }
  const gitlab = GITLAB_SUBJECT.exec(subject);
  if (gitlab)
    return {
      kind: "gitlab-ci",
      issuer,
      projectPath: gitlab[1] ?? "",
      refType: gitlab[2] === "tag" ? "tag" : "branch",
      ref: gitlab[3] ?? "",
    };
  const k8s = K8S_SUBJECT.exec(subject);
  if (k8s) return { kind: "kubernetes", issuer, namespace: k8s[1] ?? "", serviceAccount: k8s[2] ?? "" };
  return { kind: "other" };
}

/** How a pipeline asks its issuer for a token with this audience, per template. */
export function audienceHint(kind: TemplateKind, audience: string): string {
  const aud = audience || "<audience>";
  switch (kind) {
    case "github-actions":
      return `In the workflow: permissions: id-token: write, then request the token with audience “${aud}” (core.getIDToken("${aud}")).`;
    case "gitlab-ci":
      return `In .gitlab-ci.yml: id_tokens: UIPATH_TOKEN: aud: "${aud}".`;
    case "kubernetes":
      return `In the pod spec: a projected serviceAccountToken volume with audience: "${aud}".`;
    case "other":
      return "The token's aud claim must contain this value exactly.";
  }
}
