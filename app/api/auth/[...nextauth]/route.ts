import NextAuth from "next-auth";
import { fail } from "@/lib/auth/action-result";
import { authOptions } from "@/lib/auth/options";
import { hasSameOrigin } from "@/lib/auth/origin";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// next-auth v4 reads `params.nextauth`; Next 16 passes params as a promise, so resolve it first.
async function handler(request: Request, context: RouteContext) {
  return NextAuth(request as never, { params: await context.params } as never, authOptions());
}

/** Sign-in and sign-out posts must come from our own pages (on top of next-auth's CSRF token). */
async function post(request: Request, context: RouteContext) {
  if (!hasSameOrigin(request.headers))
    return Response.json(fail("bad-origin", "This request did not come from a Trustdeck page."), {
      status: 403,
    });
  return handler(request, context);
}

export { handler as GET, post as POST };
