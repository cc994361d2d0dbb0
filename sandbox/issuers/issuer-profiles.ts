/** The OIDC issuers the sandbox hosts; `no-jwks` is deliberately broken (its jwks_uri 404s). */
export const ISSUER_NAMES = ["github-actions", "gitlab", "kubernetes", "no-jwks"] as const;
export type IssuerName = (typeof ISSUER_NAMES)[number];

/** How one issuer's discovery document looks, shaped after the real service. */
export interface IssuerProfile {
  name: IssuerName;
  /** JWKS path below the issuer URL. */
  jwksPath: string;
  /** Number of RSA keys in the JWKS (GitHub publishes more than one). */
  keyCount: number;
  /** Discovery fields besides issuer and jwks_uri. */
  discovery: (issuer: string) => Record<string, unknown>;
  /** When true the JWKS path answers 404. */
  brokenJwks?: boolean;
}

const PUBLIC_RS256 = {
  subject_types_supported: ["public"],
  response_types_supported: ["id_token"],
  id_token_signing_alg_values_supported: ["RS256"],
};

/** Profiles by name. */
export const ISSUER_PROFILES: Record<IssuerName, IssuerProfile> = {
  "github-actions": {
    name: "github-actions",
    jwksPath: "/.well-known/jwks",
    keyCount: 2,
    discovery: () => ({
      subject_types_supported: ["public", "pairwise"],
      response_types_supported: ["id_token"],
      claims_supported: [
        "sub",
        "aud",
        "exp",
        "iat",
        "iss",
        "jti",
        "nbf",
        "ref",
        "sha",
        "repository",
        "repository_id",
        "repository_owner",
        "run_id",
        "workflow",
        "event_name",
        "environment",
        "job_workflow_ref",
      ],
      id_token_signing_alg_values_supported: ["RS256"],
      scopes_supported: ["openid"],
    }),
  },
  gitlab: {
    name: "gitlab",
    jwksPath: "/oauth/discovery/keys",
    keyCount: 1,
    discovery: (issuer) => ({
      authorization_endpoint: `${issuer}/oauth/authorize`,
      token_endpoint: `${issuer}/oauth/token`,
      userinfo_endpoint: `${issuer}/oauth/userinfo`,
      scopes_supported: ["openid", "profile", "email"],
      response_types_supported: ["code"],
      subject_types_supported: ["public"],
      id_token_signing_alg_values_supported: ["RS256"],
      claims_supported: [
        "iss",
        "sub",
        "aud",
        "exp",
        "iat",
        "namespace_path",
        "project_path",
        "ref",
        "ref_type",
        "pipeline_source",
      ],
    }),
  },
  kubernetes: {
    name: "kubernetes",
    jwksPath: "/openid/v1/jwks",
    keyCount: 1,
    discovery: () => PUBLIC_RS256,
  },
  "no-jwks": {
    name: "no-jwks",
    jwksPath: "/.well-known/jwks",
    keyCount: 1,
    brokenJwks: true,
    discovery: () => PUBLIC_RS256,
  },
};
