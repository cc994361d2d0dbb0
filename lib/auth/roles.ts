// Client-safe: forms import the roles from here, and the database schema takes its enum from here.

/** The roles, least to most rights. */
export const ROLES = ["viewer", "operator", "admin"] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };

/** Whether `role` includes the rights of `required` (viewer < operator < admin). */
export function hasRole(role: Role, required: Role): boolean {
  return RANK[role] >= RANK[required];
}

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  viewer: "Reads certificates, credentials, connections and the audit log.",
  operator: "Viewer, plus certificate and federated-credential changes.",
  admin: "Operator, plus connections, users and settings.",
};
