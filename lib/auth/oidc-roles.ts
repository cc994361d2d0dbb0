// Pure: the IdP claim → Trustdeck role mapping (OIDC_ROLE_CLAIM + OIDC_ROLE_MAP). No server state.
import { hasRole, ROLES, type Role } from "@/lib/auth/roles";

/** IdP claim value → Trustdeck role, in the order the setting lists them. */
export type RoleMap = ReadonlyMap<string, Role>;

/**
 * Parses `OIDC_ROLE_MAP`: comma- or newline-separated `value=role` pairs, e.g.
 * `trustdeck-admins=admin,trustdeck-operators=operator`. Values are compared exactly (IdP group
 * names are case-sensitive at most IdPs); a value listed twice is a configuration error.
 */
export function parseRoleMap(raw: string): RoleMap {
  const map = new Map<string, Role>();
  for (const entry of raw.split(/[,\n]/)) {
    if (!entry.trim()) continue;
    const at = entry.lastIndexOf("=");
    const value = at > 0 ? entry.slice(0, at).trim() : "";
    const role = at > 0 ? entry.slice(at + 1).trim() : "";
    if (!value || !role) throw new Error(`OIDC_ROLE_MAP: "${entry.trim()}" is not value=role`);
    if (!(ROLES as readonly string[]).includes(role))
      throw new Error(`OIDC_ROLE_MAP: "${role}" is not a role (${ROLES.join(", ")})`);
    if (map.has(value)) throw new Error(`OIDC_ROLE_MAP: "${value}" is listed twice`);
    map.set(value, role as Role);
  }
  return map;
}

/**
 * The claim's values: a string is one value, an array gives its strings, anything else (missing,
 * number, object) gives none. A dotted name such as `realm_access.roles` reaches into an object
 * when no top-level claim has that exact name (Keycloak nests its roles so).
 */
export function claimValues(claims: Record<string, unknown>, claimName: string): string[] {
  let value: unknown = claims[claimName];
  if (value === undefined && claimName.includes(".")) {
    value = claimName
      .split(".")
      .reduce<unknown>(
        (node, key) =>
          node && typeof node === "object" && !Array.isArray(node)
            ? (node as Record<string, unknown>)[key]
            : undefined,
        claims,
      );
  }
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  return [];
}

/** The highest role any of the claim's values maps to, or null when none maps. */
export function roleFromClaims(
  claims: Record<string, unknown>,
  claimName: string,
  map: RoleMap,
): Role | null {
  let best: Role | null = null;
  for (const value of claimValues(claims, claimName)) {
    const role = map.get(value);
    if (role && (!best || !hasRole(best, role))) best = role;
  }
  return best;
}
