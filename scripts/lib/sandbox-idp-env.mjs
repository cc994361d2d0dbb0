// The dashboard settings that make the sandbox's OIDC IdP its single sign-on (demo and e2e).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * OIDC_* settings for the IdP described in `<sandboxDir>/sandbox.json`, the role taken from its
 * `groups` claim; empty when that sandbox has no IdP (an older one still running).
 */
export function sandboxIdpEnv(sandboxDir) {
  const file = join(sandboxDir, "sandbox.json");
  const idp = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")).idp : undefined;
  if (!idp) return {};
  return {
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: idp.clientId,
    OIDC_CLIENT_SECRET: idp.clientSecret,
    OIDC_NAME: "Sandbox IdP",
    OIDC_SCOPE: "openid email profile groups",
    OIDC_ROLE_CLAIM: "groups",
    OIDC_ROLE_MAP: "trustdeck-admins=admin,trustdeck-operators=operator,trustdeck-viewers=viewer",
  };
}
