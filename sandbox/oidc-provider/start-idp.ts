import { randomBytes, webcrypto } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import Provider from "oidc-provider";
import { createInteractionHandler } from "./idp-interactions";
import { findIdpUserBySub, IDP_PASSWORD, IDP_USERS } from "./idp-users";

/** Trustdeck's static client at the sandbox IdP (test credentials, printed in the banner). */
export const IDP_CLIENT = { id: "trustdeck", secret: "trustdeck-sandbox-client-secret" } as const;

/** The callback path of next-auth's provider with id "oidc". */
const CALLBACK_PATH = "/api/auth/callback/oidc";

/** What the dashboard needs to sign in through the sandbox IdP. */
export interface IdpSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Users (all with the same password) and their `groups` claim. */
  users: { username: string; groups: string[] | string }[];
  password: string;
}

/** The IdP's path on the issuers' HTTPS host. */
export const IDP_PATH = "/idp";

/** A mounted IdP: its settings and the request handler for everything under IDP_PATH. */
export interface Idp {
  settings: IdpSettings;
  handle(req: IncomingMessage, res: ServerResponse): void;
}

/**
 * The sandbox OpenID Connect authorization server (oidc-provider), mounted at `<origin>/idp` on
 * the issuers' HTTPS host. Authorization code flow only, PKCE required, test users from
 * idp-users.ts, login and consent pages of its own.
 */
export async function createIdp(origin: string, signingKeys: CryptoKeyPair): Promise<Idp> {
  const issuer = `${origin}${IDP_PATH}`;
  // Only the key material: WebCrypto's key_ops / ext members are not JWKS members oidc-provider takes.
  const {
    key_ops: _ops,
    ext: _ext,
    ...signingKey
  } = await webcrypto.subtle.exportKey("jwk", signingKeys.privateKey);

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: IDP_CLIENT.id,
        client_secret: IDP_CLIENT.secret,
        // "native" turns on RFC 8252 loopback matching, which ignores the port: the dashboard's
        // port differs between the demo, `next dev` and the end-to-end suite.
        application_type: "native",
        redirect_uris: [`http://localhost${CALLBACK_PATH}`, `http://127.0.0.1${CALLBACK_PATH}`],
        post_logout_redirect_uris: ["http://localhost/login", "http://127.0.0.1/login"],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    async findAccount(_ctx: unknown, sub: string) {
      const user = findIdpUserBySub(sub);
      if (!user) return undefined;
      return {
        accountId: sub,
        claims: () => ({
          sub,
          name: user.name,
          preferred_username: user.username,
          email: user.email,
          email_verified: true,
          groups: user.groups,
        }),
      };
    },
    responseTypes: ["code"],
    scopes: ["openid", "profile", "email", "groups"],
    claims: {
      openid: ["sub"],
      profile: ["name", "preferred_username"],
      email: ["email", "email_verified"],
      groups: ["groups"],
    },
    // Put the granted claims in the ID token too: clients that read only the ID token see them.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
    interactions: {
      url: (_ctx: unknown, interaction: { uid: string }) => `${IDP_PATH}/interaction/${interaction.uid}`,
    },
    // Explicit lifetimes (seconds) and error page: oidc-provider prints a notice for each default it falls back to.
    ttl: {
      AuthorizationCode: 60,
      IdToken: 3600,
      AccessToken: 3600,
      Interaction: 600,
      Session: 8 * 3600,
      Grant: 8 * 3600,
    },
    renderError(ctx: { type: string; body: string }, out: { error: string; error_description?: string }) {
      ctx.type = "text/plain";
      ctx.body = `sandbox IdP: ${out.error}${out.error_description ? `: ${out.error_description}` : ""}`;
    },
    jwks: { keys: [{ ...signingKey, use: "sig", kid: "sandbox-idp-1" }] },
    cookies: { keys: [randomBytes(32).toString("base64url")] },
  });

  const interactions = createInteractionHandler(provider, IDP_PATH);
  const handleProvider = provider.callback();
  const handle = (req: IncomingMessage & { originalUrl?: string }, res: ServerResponse) => {
    // Mounted the way connect mounts apps: oidc-provider reads its mount path from originalUrl.
    req.originalUrl = req.url;
    req.url = req.url!.slice(IDP_PATH.length) || "/";
    interactions(req, res)
      .then((handled) => {
        if (!handled) handleProvider(req, res);
      })
      .catch(() => {
        if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
        res.end("sandbox IdP: the interaction failed");
      });
  };

  return {
    handle,
    settings: {
      issuer,
      clientId: IDP_CLIENT.id,
      clientSecret: IDP_CLIENT.secret,
      users: IDP_USERS.map((u) => ({ username: u.username, groups: u.groups })),
      password: IDP_PASSWORD,
    },
  };
}
