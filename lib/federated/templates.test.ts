import { describe, expect, it } from "vitest";
import { createCredentialSchema, templateInputSchema, type TemplateInput } from "./schemas";
import {
  buildFromTemplate,
  defaultTemplate,
  detectTemplate,
  GITHUB_ISSUER,
  GITLAB_ISSUER,
} from "./templates";

const K8S = "https://oidc.eks.eu-west-1.amazonaws.com/id/ABC123";

describe("templates build the exact issuer and sub", () => {
  const cases: [string, TemplateInput, { issuer: string; subject: string }][] = [
    [
      "GitHub branch",
      {
        kind: "github-actions",
        issuer: GITHUB_ISSUER,
        owner: "contoso",
        repo: "robots",
        filter: "branch",
        value: "main",
      },
      { issuer: GITHUB_ISSUER, subject: "repo:contoso/robots:ref:refs/heads/main" },
    ],
    [
      "GitHub branch with slashes",
      {
        kind: "github-actions",
        issuer: GITHUB_ISSUER,
        owner: "contoso",
        repo: "robots",
        filter: "branch",
        value: "release/2026",
      },
      { issuer: GITHUB_ISSUER, subject: "repo:contoso/robots:ref:refs/heads/release/2026" },
    ],
    [
      "GitHub environment",
      {
        kind: "github-actions",
        issuer: GITHUB_ISSUER,
        owner: "contoso",
        repo: "robots",
        filter: "environment",
        value: "prod",
      },
      { issuer: GITHUB_ISSUER, subject: "repo:contoso/robots:environment:prod" },
    ],
    [
      "GitHub tag",
      {
        kind: "github-actions",
        issuer: GITHUB_ISSUER,
        owner: "contoso",
        repo: "robots",
        filter: "tag",
        value: "v1.2.0",
      },
      { issuer: GITHUB_ISSUER, subject: "repo:contoso/robots:ref:refs/tags/v1.2.0" },
    ],
    [
      "GitHub pull request (value ignored)",
      {
        kind: "github-actions",
        issuer: GITHUB_ISSUER,
        owner: "contoso",
        repo: "robots",
        filter: "pull_request",
        value: "",
      },
      { issuer: GITHUB_ISSUER, subject: "repo:contoso/robots:pull_request" },
    ],
    [
      "GitHub Enterprise issuer, trimmed inputs",
      {
        kind: "github-actions",
        issuer: ` ${GITHUB_ISSUER}/contoso `,
        owner: " contoso",
        repo: "robots ",
        filter: "branch",
        value: " main ",
      },
      { issuer: `${GITHUB_ISSUER}/contoso`, subject: "repo:contoso/robots:ref:refs/heads/main" },
    ],
    [
      "GitLab branch",
      {
        kind: "gitlab-ci",
        issuer: GITLAB_ISSUER,
        projectPath: "contoso/automation",
        refType: "branch",
        ref: "main",
      },
      { issuer: GITLAB_ISSUER, subject: "project_path:contoso/automation:ref_type:branch:ref:main" },
    ],
    [
      "GitLab tag, subgroup",
      {
        kind: "gitlab-ci",
        issuer: "https://gitlab.example.com",
        projectPath: "a/b/c",
        refType: "tag",
        ref: "v2",
      },
      { issuer: "https://gitlab.example.com", subject: "project_path:a/b/c:ref_type:tag:ref:v2" },
    ],
    [
      "Kubernetes",
      { kind: "kubernetes", issuer: K8S, namespace: "batch", serviceAccount: "uipath-runner" },
      { issuer: K8S, subject: "system:serviceaccount:batch:uipath-runner" },
    ],
  ];
  it.each(cases)("%s", (_name, template, expected) => {
    expect(buildFromTemplate(template)).toEqual(expected);
  });

  it.each(cases)("%s: detects the template back from what it built", (_name, template) => {
    const built = buildFromTemplate(template)!;
    expect(buildFromTemplate(detectTemplate(built.issuer, built.subject))).toEqual(built);
  });

  it("other issuer builds nothing, and unknown subjects detect as other", () => {
    expect(buildFromTemplate({ kind: "other" })).toBeNull();
    expect(
      detectTemplate("https://login.microsoftonline.com/t/v2.0", "00000000-0000-0000-0000-000000000000"),
    ).toEqual({ kind: "other" });
    expect(detectTemplate(GITHUB_ISSUER, "repo:contoso/robots:job_workflow_ref:x")).toEqual({
      kind: "other",
    });
  });
});

describe("template inputs are validated with a sentence each", () => {
  const messages = (input: unknown) => {
    const result = templateInputSchema.safeParse(input);
    return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };
  it.each([
    [{ ...defaultTemplate("github-actions"), owner: "", repo: "robots" }, "owner: Enter the owner"],
    [
      {
        ...defaultTemplate("github-actions"),
        owner: "contoso",
        repo: "robots",
        filter: "environment",
        value: "",
      },
      "value: Enter the environment name.",
    ],
    [
      { ...defaultTemplate("gitlab-ci"), projectPath: "automation" },
      "projectPath: Enter the full project path",
    ],
    [
      { ...defaultTemplate("kubernetes"), issuer: K8S, namespace: "Batch", serviceAccount: "runner" },
      "namespace: A namespace is lower-case",
    ],
    [
      { ...defaultTemplate("kubernetes"), namespace: "batch", serviceAccount: "runner" },
      "issuer: Enter the cluster's service account issuer URL.",
    ],
  ])("%o", (input, expected) => {
    expect(messages(input).join("\n")).toContain(expected);
  });
});

describe("the save schema keeps template and fields in step", () => {
  const base = {
    connectionId: "4b0c1f3e-8f5e-4a8e-9c39-2a6b1f7d9e10",
    clientId: "app",
    name: "deploy",
    audience: "https://cloud.uipath.com/contoso",
  };
  const template: TemplateInput = {
    kind: "github-actions",
    issuer: GITHUB_ISSUER,
    owner: "contoso",
    repo: "robots",
    filter: "branch",
    value: "main",
  };
  it("accepts fields built by the template", () => {
    expect(
      createCredentialSchema.safeParse({ ...base, ...buildFromTemplate(template), template }).success,
    ).toBe(true);
  });
  it("refuses a subject edited away from the template", () => {
    const result = createCredentialSchema.safeParse({
      ...base,
      issuer: GITHUB_ISSUER,
      subject: "repo:contoso/robots:ref:refs/heads/dev",
      template,
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["subject"]);
  });
});
