import { GITHUB_ISSUER, GITLAB_ISSUER } from "./templates";

// How well-known issuers write `iss` and `sub`. UiPath compares both byte for byte, so a
// credential that differs from the convention only in case or a slash never matches a token.

/** The subject shapes Trustdeck knows. */
export type SubjectStyle = "github" | "gitlab" | "kubernetes";

const STYLE_LABELS: Record<SubjectStyle, string> = {
  github: "GitHub",
  gitlab: "GitLab",
  kubernetes: "Kubernetes",
};

/** Issuers whose exact URL is public knowledge. */
export const KNOWN_ISSUERS: readonly { label: string; issuer: string; style: SubjectStyle }[] = [
  { label: "GitHub Actions", issuer: GITHUB_ISSUER, style: "github" },
  { label: "GitLab.com", issuer: GITLAB_ISSUER, style: "gitlab" },
];

const strip = (url: string) => url.replace(/\/+$/, "");

/** The known issuer this URL resembles (equal ignoring case and trailing slashes), if any. */
export function knownIssuerLike(
  issuer: string,
): { label: string; issuer: string; style: SubjectStyle; exact: boolean } | undefined {
  const known = KNOWN_ISSUERS.find((k) => strip(k.issuer).toLowerCase() === strip(issuer).toLowerCase());
  return known && { ...known, exact: known.issuer === issuer };
}

/** Which issuer's shape a subject has, recognised case-insensitively. */
export function subjectStyleOf(subject: string): SubjectStyle | undefined {
  const lower = subject.toLowerCase();
  if (lower.startsWith("repo:")) return "github";
  if (lower.startsWith("project_path:")) return "gitlab";
  if (lower.startsWith("system:serviceaccount:")) return "kubernetes";
  return undefined;
}

/** The label of a subject style, for sentences. */
export function styleLabel(style: SubjectStyle): string {
  return STYLE_LABELS[style];
}

const GITHUB_KEYWORDS = [
  "repo",
  "ref",
  "environment",
  "pull_request",
  "job_workflow_ref",
  "repository_owner_id",
  "repository_id",
  "context",
];
const GITHUB_REF_PREFIXES = ["refs/heads/", "refs/tags/", "refs/pull/"];
const GITLAB_KEYWORDS = ["project_path", "ref_type", "ref", "branch", "tag"];

/** Parts of a subject that differ from the issuer's lower-case keywords only in case. */
export function miscasedKeywords(subject: string, style: SubjectStyle): string[] {
  const segments = subject.split(":");
  const bad: string[] = [];
  const check = (segment: string, keyword: string) => {
    if (segment !== keyword && segment.toLowerCase() === keyword) bad.push(segment);
  };
  if (style === "github") {
    segments.forEach((segment, i) => {
      if (i === 1) return; // owner/repository: their case is GitHub's business
      for (const keyword of GITHUB_KEYWORDS) check(segment, keyword);
      for (const prefix of GITHUB_REF_PREFIXES) {
        const head = segment.slice(0, prefix.length);
        if (head !== prefix && head.toLowerCase() === prefix) bad.push(head);
      }
    });
  } else if (style === "gitlab") {
    segments.forEach((segment, i) => {
      // Keywords sit at even positions (project_path:<path>:ref_type:<type>:ref:<ref>); ref_type's value too.
      if (i % 2 === 0 || segments[i - 1]?.toLowerCase() === "ref_type")
        for (const keyword of GITLAB_KEYWORDS) check(segment, keyword);
    });
  } else {
    check(segments[0] ?? "", "system");
    check(segments[1] ?? "", "serviceaccount");
  }
  return bad;
}

/** Kubernetes names are lower case (DNS-1123): upper-case namespace or account names never appear in a token. */
export function upperCaseKubernetesNames(subject: string): string[] {
  const [, , namespace = "", account = ""] = subject.split(":");
  return [namespace, account].filter((name) => name !== name.toLowerCase());
}
