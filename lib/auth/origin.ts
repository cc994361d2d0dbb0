import "server-only";

// Cross-site request forgery: a state-changing request must carry an Origin header naming this
// site. Browsers always send Origin on cross-origin POSTs and on fetch() POSTs; a missing or
// foreign one is refused. Forwarding headers were already limited to trusted proxies by the
// hook in trusted-proxies.ts, so the Host we compare with is the one the browser used.

/** The dashboard's public origin (NEXTAUTH_URL), or null when it is not configured. */
export function publicOrigin(): string | null {
  const url = process.env.NEXTAUTH_URL;
  return url && URL.canParse(url) ? new URL(url).origin : null;
}

/** Whether a request's Origin is this site: NEXTAUTH_URL's origin, or the host it was sent to. */
export function hasSameOrigin(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (!origin || origin === "null" || !URL.canParse(origin)) return false;
  const parsed = new URL(origin);
  if (parsed.origin === publicOrigin()) return true;
  const host = (headers.get("x-forwarded-host") ?? headers.get("host"))?.split(",")[0]?.trim();
  return Boolean(host) && parsed.host === host;
}

/** The methods that change nothing, for which no Origin is required. */
export const isSafeMethod = (method: string) => ["GET", "HEAD", "OPTIONS"].includes(method.toUpperCase());
