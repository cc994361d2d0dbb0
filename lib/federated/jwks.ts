// What the tester and the preflight need to know about an issuer's published keys. Pure, so the
// browser can match a token's kid against the key list the server fetched.

/** One key of a JWKS, without its key material. */
export interface IssuerKey {
  kid: string | null;
  kty: string;
  alg: string | null;
  use: string | null;
}

/** The outcome of reading an issuer's keys on the server. */
export type IssuerKeys =
  { ok: true; issuer: string; keys: IssuerKey[] } | { ok: false; issuer: string; message: string };

const text = (value: unknown) => (typeof value === "string" ? value : null);

/** The keys of a parsed JWKS document, or null when it has no `keys` array. */
export function summarizeJwks(document: unknown): IssuerKey[] | null {
  if (!document || typeof document !== "object" || !Array.isArray((document as { keys?: unknown }).keys))
    return null;
  return (document as { keys: unknown[] }).keys
    .filter((key): key is Record<string, unknown> => Boolean(key) && typeof key === "object")
    .map((key) => ({
      kid: text(key.kid),
      kty: text(key.kty) ?? "?",
      alg: text(key.alg),
      use: text(key.use),
    }));
}

/** Whether UiPath can verify an RS256 signature with this key. */
export function isRs256Key(key: IssuerKey): boolean {
  return (
    key.kty === "RSA" && (key.alg === null || key.alg === "RS256") && (key.use === null || key.use === "sig")
  );
}

/** "RSA RS256", "EC", "RSA PS256 (enc)": a key in a few words. */
export function describeKey(key: IssuerKey): string {
  return [key.kty, key.alg, key.use && key.use !== "sig" ? `(${key.use})` : null].filter(Boolean).join(" ");
}
