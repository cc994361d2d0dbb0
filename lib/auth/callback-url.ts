// Where the browser goes after signing in: only ever a path of this site. No `server-only`: the
// sign-in form uses it too. Anything a browser or URL parser might read as another origin is
// replaced by the fallback: scheme-relative `//host`, backslashes (`/\host`, which browsers treat
// as `//host`), control characters and whitespace (stripped by browsers: `/\t/host`), schemes
// (`javascript:`, `http:host`), dot segments that normalise to `//host`, and the same tricks
// percent-encoded.

const BASE = "http://trustdeck.invalid";
const UNSAFE_CHARS = /[\u0000-\u0020\u007f-\u009f\\\u2028\u2029]/;
/** Once decoded, a space is only a space (it stays encoded in the result); the rest stays unsafe. */
const UNSAFE_DECODED = /[\u0000-\u001f\u007f-\u009f\\\u2028\u2029]/;
const MAX_LENGTH = 2048;

function fullyDecoded(text: string): string | null {
  let current = text;
  for (let round = 0; round < 5; round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) return current;
    current = next;
  }
  return null;
}

const leadsElsewhere = (path: string) => path.startsWith("//") || path.startsWith("/\\");

/** A same-site path (`/certificates?x=1#y`) from a user-supplied `callbackUrl`, or `fallback`. */
export function safeCallbackPath(raw: unknown, fallback = "/"): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > MAX_LENGTH) return fallback;
  if (!raw.startsWith("/") || leadsElsewhere(raw) || UNSAFE_CHARS.test(raw)) return fallback;
  if (!URL.canParse(raw, BASE)) return fallback;
  const url = new URL(raw, BASE);
  if (url.origin !== BASE || leadsElsewhere(url.pathname)) return fallback;
  const decodedPath = fullyDecoded(url.pathname);
  if (decodedPath === null || UNSAFE_DECODED.test(decodedPath) || leadsElsewhere(decodedPath))
    return fallback;
  // Dot segments in the encoded form (`/%2e%2e//host`) must not normalise to `//host` either.
  if (leadsElsewhere(new URL(decodedPath, BASE).pathname)) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** next-auth's redirect callback: absolute URLs of this site are kept as paths, anything else goes home. */
export function safeRedirect(url: string, baseUrl: string): string {
  const base = baseUrl.replace(/\/+$/, "");
  const path = url.startsWith(`${base}/`) ? url.slice(base.length) : url === base ? "/" : url;
  return `${base}${safeCallbackPath(path)}`;
}
