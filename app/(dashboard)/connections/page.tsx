import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ConnectionsPanel } from "@/components/connections/connections-panel";
import { PageHeader } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { currentActor } from "@/lib/auth/session";
import { listConnections } from "@/lib/connections/data";
import { getDb } from "@/lib/db/get-db";
import { encryptionKey } from "@/lib/secrets/key";
import {
  createConnectionAction,
  deleteConnectionAction,
  setConnectionEnabledAction,
  testConnectionAction,
  updateConnectionAction,
} from "./actions";

export const metadata: Metadata = { title: "Connections" };

export default async function ConnectionsPage() {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  const connections = await listConnections(await getDb(), encryptionKey());
  return (
    <>
      <PageHeader
        title="Connections"
        description="The vendor accounts Trustdeck reads and changes. Secrets are encrypted at rest and never sent to the browser."
      />
      <ConnectionsPanel
        connections={connections}
        // Viewers and operators do not even receive references to the admin actions.
        actions={
          hasRole(actor.role, "admin")
            ? {
                create: createConnectionAction,
                update: updateConnectionAction,
                setEnabled: setConnectionEnabledAction,
                remove: deleteConnectionAction,
              }
            : null
        }
        testConnection={hasRole(actor.role, "operator") ? testConnectionAction : null}
      />
    </>
  );
}
