/**
 * Whether a state-changing request comes from our own pages. Route handlers, unlike server
 * actions, get no origin check from Next.js; SameSite=Lax cookies already stop most cross-site
 * posts, and this closes the rest.
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  return URL.canParse(origin) && new URL(origin).host === host;
}
