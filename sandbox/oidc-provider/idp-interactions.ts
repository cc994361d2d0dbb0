import type { IncomingMessage, ServerResponse } from "node:http";
import type Provider from "oidc-provider";
import { checkIdpLogin, IDP_USERS } from "./idp-users";

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** No scripts, no external resources: the page works offline and under a strict CSP. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

function page(res: ServerResponse, status: number, title: string, body: string): void {
  res.writeHead(status, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    "content-security-policy": CSP,
  });
  res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:24rem;margin:4rem auto;padding:0 1rem}
label,input,button{display:block;width:100%;margin:.4rem 0}input,button{padding:.5rem;box-sizing:border-box}
.error{color:#b00020}</style></head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`);
}

function loginForm(basePath: string, uid: string, error?: string): string {
  const users = IDP_USERS.map((u) => `<code>${escapeHtml(u.username)}</code>`).join(", ");
  return `${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ""}
<form method="post" action="${basePath}/interaction/${escapeHtml(uid)}/login">
<label for="username">Username</label><input id="username" name="username" autocomplete="username" required autofocus>
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button></form>
<p><small>Sandbox users: ${users}.</small></p>`;
}

function consentForm(basePath: string, uid: string, client: string, scopes: string[]): string {
  const list = scopes.map((s) => `<li>${escapeHtml(s)}</li>`).join("");
  return `<p>${escapeHtml(client)} asks for:</p><ul>${list}</ul>
<form method="post" action="${basePath}/interaction/${escapeHtml(uid)}/confirm"><button type="submit">Allow</button></form>
<form method="post" action="${basePath}/interaction/${escapeHtml(uid)}/abort"><button type="submit">Deny</button></form>`;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > 16_384) throw new Error("form too large");
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

/**
 * The IdP's own login and consent pages (oidc-provider leaves interactions to its host; its
 * development pages accept any password and load web fonts). Answers `/interaction/<uid>[/login|
 * /confirm|/abort]` (below the mount path `basePath`); returns false for any other path so the
 * provider handles it.
 */
export function createInteractionHandler(provider: Provider, basePath: string) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const match = /^\/interaction\/([\w-]+)(?:\/(login|confirm|abort))?$/.exec(req.url?.split("?")[0] ?? "");
    if (!match) return false;
    const [, uid, step] = match as unknown as [string, string, "login" | "confirm" | "abort" | undefined];
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) {
      page(res, 400, "Sign-in expired", "<p>Start again from the application.</p>");
      return true;
    }
    const { prompt } = details;
    if (req.method === "GET" && !step) {
      if (prompt.name === "login") page(res, 200, "Sandbox IdP sign-in", loginForm(basePath, uid));
      else {
        const scopes = String(details.params.scope ?? "")
          .split(" ")
          .filter(Boolean);
        page(res, 200, "Allow access?", consentForm(basePath, uid, String(details.params.client_id), scopes));
      }
      return true;
    }
    if (req.method !== "POST" || !step) {
      page(res, 405, "Not allowed", "");
      return true;
    }
    if (step === "abort") {
      await provider.interactionFinished(req, res, {
        error: "access_denied",
        error_description: "The user denied the request.",
      });
      return true;
    }
    if (step === "login") {
      const form = await readForm(req);
      const user = checkIdpLogin(form.get("username") ?? "", form.get("password") ?? "");
      if (!user)
        page(
          res,
          401,
          "Sandbox IdP sign-in",
          loginForm(basePath, uid, "Unknown username or wrong password."),
        );
      else await provider.interactionFinished(req, res, { login: { accountId: user.sub } });
      return true;
    }
    await confirm(provider, req, res, details);
    return true;
  };
}

/** Grants what the consent prompt found missing, as oidc-provider's own example does. */
async function confirm(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  details: Awaited<ReturnType<Provider["interactionDetails"]>>,
): Promise<void> {
  const accountId = details.session?.accountId;
  if (details.prompt.name !== "consent" || !accountId) {
    page(res, 400, "Nothing to confirm", "");
    return;
  }
  const grant = details.grantId
    ? await provider.Grant.find(details.grantId)
    : new provider.Grant({ accountId, clientId: String(details.params.client_id) });
  if (!grant) {
    page(res, 400, "Sign-in expired", "<p>Start again from the application.</p>");
    return;
  }
  const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(" "));
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}
