import { describe, expect, it } from "vitest";
import { lintCredential, lintFieldErrors, type LintContext, type LintValues } from "./lint";
import { GITHUB_ISSUER } from "./templates";

const good: LintValues = {
  name: "deploy",
  description: "",
  issuer: GITHUB_ISSUER,
  audience: "https://cloud.uipath.com/contoso",
  subject: "repo:contoso/robots:ref:refs/heads/main",
};
const none: LintContext = { siblings: [] };
const existing = {
  id: "c1",
  name: "GitHub Actions",
  issuer: GITHUB_ISSUER,
  subject: "repo:contoso/robots:environment:prod",
};
const full: LintContext = {
  siblings: Array.from({ length: 20 }, (_, i) => ({
    id: `c${i}`,
    name: `cred-${i}`,
    issuer: GITHUB_ISSUER,
    subject: `repo:contoso/r${i}:pull_request`,
  })),
};

const codes = (values: LintValues, context: LintContext = none) =>
  lintCredential({ ...good, ...values }, context).map((f) => `${f.severity}:${f.code}:${f.field}`);

describe("lint: one finding per problem, with its severity and field", () => {
  it("says nothing about a clean credential", () => {
    expect(lintCredential(good, none)).toEqual([]);
  });

  it.each<[string, LintValues, LintContext, string[]]>([
    ["trailing space in subject", { subject: `${good.subject} ` }, none, ["warning:whitespace:subject"]],
    ["leading line break in issuer", { issuer: `\n${GITHUB_ISSUER}` }, none, ["warning:whitespace:issuer"]],
    ["spaces around the name", { name: " deploy " }, none, ["warning:whitespace:name"]],
    [
      "known issuer with a trailing slash",
      { issuer: `${GITHUB_ISSUER}/` },
      none,
      ["error:issuer-trailing-slash:issuer"],
    ],
    [
      "unknown issuer with a trailing slash",
      { issuer: "https://idp.example.com/" },
      none,
      ["warning:issuer-trailing-slash:issuer"],
    ],
    ["plain http issuer", { issuer: "http://idp.example.com" }, none, ["error:issuer-not-https:issuer"]],
    ["not a URL", { issuer: "token.actions.githubusercontent.com" }, none, ["error:issuer-not-url:issuer"]],
    ["query in issuer", { issuer: "https://idp.example.com?tenant=1" }, none, ["error:issuer-query:issuer"]],
    [
      "known issuer in other case",
      { issuer: "https://Token.Actions.GithubUserContent.com" },
      none,
      ["error:issuer-case:issuer"],
    ],
    [
      "known issuer in other case with a slash",
      { issuer: "https://Token.actions.githubusercontent.com/" },
      none,
      ["error:issuer-trailing-slash:issuer"],
    ],
    [
      "GitHub keyword in other case",
      { subject: "repo:contoso/robots:Ref:refs/Heads/main" },
      none,
      ["warning:subject-keyword-case:subject"],
    ],
    [
      "GitLab keyword in other case",
      { issuer: "https://gitlab.com", subject: "project_path:a/b:Ref_Type:Branch:ref:main" },
      none,
      ["warning:subject-keyword-case:subject"],
    ],
    [
      "upper-case Kubernetes names",
      { issuer: "https://k8s.example.com", subject: "system:serviceaccount:Jobs:runner" },
      none,
      ["warning:kubernetes-case:subject"],
    ],
    [
      "GitHub subject on the GitLab issuer",
      { issuer: "https://gitlab.com" },
      none,
      ["warning:subject-issuer-mismatch:subject"],
    ],
    ["wildcard subject", { subject: "repo:contoso/robots:*" }, none, ["warning:subject-wildcard:subject"]],
    [
      "duplicate issuer and subject",
      { subject: existing.subject },
      { siblings: [existing] },
      ["error:duplicate-pair:subject"],
    ],
    [
      "duplicate after trimming",
      { subject: ` ${existing.subject}` },
      { siblings: [existing] },
      ["error:duplicate-pair:subject", "warning:whitespace:subject"],
    ],
    ["same name", { name: "GitHub Actions" }, { siblings: [existing] }, ["error:name-clash:name"]],
    [
      "name differing only in case",
      { name: "github actions" },
      { siblings: [existing] },
      ["error:name-clash:name"],
    ],
    [
      "editing itself is no clash",
      { name: "GitHub Actions", subject: existing.subject },
      { siblings: [existing], selfId: "c1" },
      [],
    ],
    ["name over 128", { name: "n".repeat(129) }, none, ["error:name-length:name"]],
    [
      "description over 512",
      { description: "d".repeat(513) },
      none,
      ["error:description-length:description"],
    ],
    ["the 20th is the last", {}, { siblings: full.siblings.slice(1) }, []],
    ["a 21st is refused", {}, full, ["error:limit:form"]],
    ["editing at the limit is fine", {}, { ...full, selfId: "c3" }, []],
  ])("%s", (_name, values, context, expected) => {
    expect(codes(values, context)).toEqual(expected);
  });

  it("writes each finding as a sentence that names the problem", () => {
    const [slash] = lintCredential({ ...good, issuer: `${GITHUB_ISSUER}/` }, none);
    expect(slash?.message).toBe(
      `GitHub Actions tokens carry iss “${GITHUB_ISSUER}” exactly; this issuer differs by a trailing slash, and UiPath compares iss byte for byte.`,
    );
    const [both] = lintCredential({ ...good, issuer: "https://Token.actions.githubusercontent.com/" }, none);
    expect(both?.message).toContain("differs in case and by a trailing slash");
    const [clash] = lintCredential({ ...good, name: "github actions" }, { siblings: [existing] });
    expect(clash?.message).toContain("only in case");
    const [limit] = lintCredential(good, full);
    expect(limit?.message).toContain("20");
    const [kase] = lintCredential({ ...good, subject: "repo:contoso/robots:Ref:refs/Heads/main" }, none);
    expect(kase?.message).toContain("“Ref”, “refs/Heads/”");
  });

  it("groups errors (not warnings) by field for the server's refusal", () => {
    const findings = lintCredential(
      { ...good, name: "GitHub Actions", subject: ` ${existing.subject}` },
      { siblings: [existing] },
    );
    expect(Object.keys(lintFieldErrors(findings)).sort()).toEqual(["name", "subject"]);
  });
});
