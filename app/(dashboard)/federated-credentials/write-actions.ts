import type { CredentialWriteActions } from "@/components/federated/types";
import { hasRole, type Role } from "@/lib/auth/roles";
import {
  checkIssuerAction,
  createFederatedCredentialAction,
  deleteFederatedCredentialAction,
  updateFederatedCredentialAction,
} from "./actions";

/**
 * The write actions a page hands to its client components: only to operators and admins, and only
 * where the connection's scopes allow writes. Viewers do not even receive references to them (each
 * action checks the role again on the server).
 */
export function credentialWriteActionsFor(role: Role, canWrite = true): CredentialWriteActions | null {
  if (!hasRole(role, "operator") || !canWrite) return null;
  return {
    create: createFederatedCredentialAction,
    update: updateFederatedCredentialAction,
    remove: deleteFederatedCredentialAction,
    checkIssuer: checkIssuerAction,
  };
}
