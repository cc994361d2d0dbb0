/**
 * The client's address as the first proxy saw it. Only for the audit log: it is not trusted
 * for any decision, since X-Forwarded-For can be forged when no proxy strips it.
 */
export function clientIpFrom(headers: Headers | Record<string, unknown> | undefined | null): string | null {
  if (!headers) return null;
  const get = (name: string): string | undefined => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const value = (headers as Record<string, unknown>)[name];
    return Array.isArray(value) ? String(value[0]) : typeof value === "string" ? value : undefined;
  };
  const forwarded = get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || get("x-real-ip") || null;
}
