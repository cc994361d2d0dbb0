import { hasSameOrigin } from "@/lib/auth/origin";

/**
 * Whether a state-changing request comes from our own pages. Route handlers, unlike server
 * actions, get no origin check from Next.js; authedRoute applies the same check to every POST.
 */
export function isSameOrigin(request: Request): boolean {
  return hasSameOrigin(request.headers);
}
