// Client-safe: a user as the users page renders it.
import type { Role } from "@/lib/auth/roles";

/** What the UI may see of a user: never the password hash or the OIDC subject. */
export interface UserView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  authSource: "local" | "oidc";
  disabled: boolean;
  lastSignInAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}
