import type { IssuerName } from "../issuers/issuer-profiles";
import { demoIds as ids } from "../seed/demo-ids";

/** A federated credential to seed; `issuer` is a hosted issuer name or a literal URL. */
export interface CredentialPlan {
  name: string;
  description?: string;
  issuer: IssuerName | `https://${string}`;
  subject: string;
  audience: string;
  ageDays: number;
}

/** An external application to seed. */
export interface AppPlan {
  id: string;
  name: string;
  isConfidential: boolean;
  scopes: string[];
  secret?: string;
  /** Days until the client secret expires (null: never). */
  secretExpiresInDays?: number | null;
  credentials: CredentialPlan[];
}

/** An organization to seed; certificate expiries in days from the sandbox clock (null: empty slot). */
export interface OrgPlan {
  name: string;
  displayName: string;
  partitionGlobalId: string;
  primaryExpiresInDays: number | null;
  secondaryExpiresInDays: number | null;
  /** The app the demo connection uses. */
  dashboardApp: AppPlan;
  apps: AppPlan[];
}

const MANAGE = ["PM.AuthSetting", "PM.OAuthApp"];

function dashboardApp(org: string, scopes = MANAGE): AppPlan {
  return {
    id: ids.uuid(`uipath/${org}/app/trustdeck`),
    name: "Trustdeck",
    isConfidential: true,
    scopes,
    secret: ids.secret(`uipath/${org}/app/trustdeck/secret`, 24),
    secretExpiresInDays: 300,
    credentials: [],
  };
}

function app(
  org: string,
  key: string,
  name: string,
  credentials: CredentialPlan[],
  scopes = ["PM.OAuthApp.Read"],
): AppPlan {
  return {
    id: ids.uuid(`uipath/${org}/app/${key}`),
    name,
    isConfidential: true,
    scopes,
    secret: ids.secret(`uipath/${org}/app/${key}/secret`, 24),
    secretExpiresInDays: 90,
    credentials,
  };
}

const aud = (org: string) => `https://cloud.uipath.com/${org}`;

/** The CI fleet app sits exactly at the 20-credential limit. */
const fleet: CredentialPlan[] = Array.from({ length: 20 }, (_, i) => {
  const gitlab = i % 2 === 0;
  return {
    name: gitlab ? `gitlab-runner-${i + 1}` : `k8s-batch-${i + 1}`,
    description: gitlab
      ? "GitLab CI job token for the automation monorepo"
      : "Kubernetes service account token",
    issuer: gitlab ? "gitlab" : "kubernetes",
    subject: gitlab
      ? `project_path:contoso/automation:ref_type:branch:ref:release-${i + 1}`
      : `system:serviceaccount:batch:worker-${i + 1}`,
    audience: aud("contoso"),
    ageDays: 200 - i * 7,
  };
});

/** The demo UiPath organizations, their SAML certificates and external apps. */
export const UIPATH_ORGS = {
  contoso: {
    name: "contoso",
    displayName: "Contoso",
    partitionGlobalId: ids.uuid("uipath/contoso/partition"),
    primaryExpiresInDays: 45,
    secondaryExpiresInDays: 700,
    dashboardApp: dashboardApp("contoso"),
    apps: [
      app("contoso", "github-deploy", "GitHub Deploy", [
        {
          name: "GitHub Actions",
          description: "Used for GitHub Actions CI/CD pipeline",
          issuer: "github-actions",
          subject: "repo:contoso/robots:ref:refs/heads/main",
          audience: aud("contoso"),
          ageDays: 90,
        },
        {
          name: "GitHub Actions — release",
          issuer: "github-actions",
          subject: "repo:contoso/robots:environment:release",
          audience: aud("contoso"),
          ageDays: 60,
        },
        {
          name: "GitHub Actions — pull requests",
          issuer: "github-actions",
          subject: "repo:contoso/robots:pull_request",
          audience: aud("contoso"),
          ageDays: 12,
        },
      ]),
      app("contoso", "ci-fleet", "CI Fleet", fleet),
      app("contoso", "nightly-reports", "Nightly Reports", []),
      {
        id: ids.uuid("uipath/contoso/app/assistant"),
        name: "Assistant (public)",
        isConfidential: false,
        scopes: [],
        secretExpiresInDays: null,
        credentials: [],
      },
    ],
  },
  fabrikam: {
    name: "fabrikam",
    displayName: "Fabrikam",
    partitionGlobalId: ids.uuid("uipath/fabrikam/partition"),
    primaryExpiresInDays: -10,
    secondaryExpiresInDays: null,
    // Read-only: can list federated credentials but not change them.
    dashboardApp: dashboardApp("fabrikam", ["PM.AuthSetting", "PM.OAuthApp.Read"]),
    apps: [
      app("fabrikam", "ops", "Ops Automation", [
        {
          name: "Ops cluster",
          issuer: "kubernetes",
          subject: "system:serviceaccount:ops:uipath-runner",
          audience: aud("fabrikam"),
          ageDays: 400,
        },
      ]),
    ],
  },
  northwind: {
    name: "northwind",
    displayName: "Northwind Traders",
    partitionGlobalId: ids.uuid("uipath/northwind/partition"),
    primaryExpiresInDays: 5,
    secondaryExpiresInDays: 25,
    dashboardApp: dashboardApp("northwind"),
    apps: [
      app("northwind", "k8s-jobs", "K8s Jobs", [
        {
          name: "prod-cluster",
          issuer: "kubernetes",
          subject: "system:serviceaccount:jobs:invoice-bot",
          audience: aud("northwind"),
          ageDays: 30,
        },
        {
          name: "staging-cluster",
          issuer: "kubernetes",
          subject: "system:serviceaccount:jobs-staging:invoice-bot",
          audience: aud("northwind"),
          ageDays: 29,
        },
        {
          name: "gitlab-deploy",
          issuer: "gitlab",
          subject: "project_path:northwind/bots:ref_type:branch:ref:main",
          audience: aud("northwind"),
          ageDays: 3,
        },
        // A real issuer: unreachable offline, as a dashboard check should notice.
        {
          name: "github-public",
          issuer: "https://token.actions.githubusercontent.com",
          subject: "repo:northwind/bots:environment:prod",
          audience: aud("northwind"),
          ageDays: 500,
        },
      ]),
    ],
  },
  tailspin: {
    name: "tailspin",
    displayName: "Tailspin Toys",
    partitionGlobalId: ids.uuid("uipath/tailspin/partition"),
    primaryExpiresInDays: null,
    secondaryExpiresInDays: null,
    dashboardApp: dashboardApp("tailspin"),
    apps: [
      app("tailspin", "data-sync", "Data Sync", [
        {
          name: "sync-main",
          issuer: "github-actions",
          subject: "repo:tailspin/sync:ref:refs/heads/main",
          audience: aud("tailspin"),
          ageDays: 14,
        },
        {
          name: "sync-broken-issuer",
          issuer: "no-jwks",
          subject: "repo:tailspin/sync:ref:refs/heads/dev",
          audience: aud("tailspin"),
          ageDays: 7,
        },
      ]),
    ],
  },
} satisfies Record<string, OrgPlan>;
