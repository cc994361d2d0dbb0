import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { fail } from "@/lib/auth/action-result";
import { SESSION_ENDED_MESSAGE } from "@/lib/auth/session-ended";

const PUBLIC_PATHS = ["/login", "/sso-refused"];

/**
 * A strict Content-Security-Policy with a per-request nonce (Next.js applies it to its own
 * scripts). `unsafe-eval` only in development, where React's dev tooling needs it.
 */
function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV !== "production";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    // The certificate decoder runs in a same-origin Web Worker.
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

function withSecurityHeaders(request: NextRequest): NextResponse {
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  // X-Forwarded-Proto reaches this point only from a trusted proxy (lib/auth/trusted-proxies.ts).
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  if (https) response.headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  return response;
}

function publicBase(request: NextRequest): string {
  const configured = process.env.NEXTAUTH_URL;
  return configured && URL.canParse(configured) ? configured : request.url;
}

/**
 * A server action's arguments arrive as a JSON array (text/plain) or as a form. Anything else
 * would make Next.js fail with an opaque 500 before our action wrapper runs: answer a 400 that
 * says what is wrong instead. The body is cloned (Next.js buffers it for this purpose).
 */
async function malformedActionBody(request: NextRequest): Promise<NextResponse | null> {
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  const type = request.headers.get("content-type") ?? "";
  if (/^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i.test(type)) return null;
  let args: unknown;
  try {
    args = JSON.parse(await request.clone().text());
  } catch {
    args = undefined;
  }
  if (Array.isArray(args)) return null;
  return NextResponse.json(
    fail("invalid-body", "The request body must be the action's arguments as a JSON array (or a form)."),
    { status: 400 },
  );
}

/**
 * Every page needs a session (the sign-in page excepted); without one, the browser goes to the
 * sign-in page and comes back afterwards. This is only the first gate: each server action and
 * route handler checks the session and role again on the server.
 */
export default async function proxy(request: NextRequest): Promise<NextResponse> {
  const { pathname, search } = request.nextUrl;
  if (!PUBLIC_PATHS.includes(pathname)) {
    const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET });
    if (!token) {
      // A server action or a route the browser calls with fetch cannot follow a redirect to a page:
      // it is told in words it recognises (lib/auth/session-ended), and the page offers to sign in.
      if (request.headers.has("next-action"))
        return new NextResponse(SESSION_ENDED_MESSAGE, {
          status: 401,
          headers: { "content-type": "text/plain" },
        });
      if (pathname.startsWith("/api/"))
        return NextResponse.json(fail("unauthenticated", SESSION_ENDED_MESSAGE), { status: 401 });
      // The configured public URL, not the Host header the client sent.
      const login = new URL("/login", publicBase(request));
      login.searchParams.set("callbackUrl", `${pathname}${search}`);
      return NextResponse.redirect(login);
    }
  }
  const malformed = await malformedActionBody(request);
  if (malformed) return malformed;
  return withSecurityHeaders(request);
}

export const config = {
  // Everything except next-auth's own endpoints, the health probes (they answer without a
  // session and reveal nothing), the metrics (bearer token of their own) and static files (public/ and Next's own).
  matcher: [
    "/((?!api/auth|api/health|api/ready|api/metrics|_next/static|_next/image|icon.svg|favicon.ico|robots.txt|manifest.webmanifest|icon-192.png|icon-512.png|apple-touch-icon.png).*)",
  ],
};
