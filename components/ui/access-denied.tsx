import type { Role } from "@/lib/auth/roles";
import { Alert } from "./alert";

/** Shown instead of a page the signed-in role may not use. */
export function AccessDenied({ required, actual }: { required: Role; actual: Role }) {
  return (
    <Alert tone="warning" title="Not available for your role">
      This page needs the {required} role; you are signed in as {actual}. Ask an admin if you need access.
    </Alert>
  );
}
