import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { ConnectionSection } from "@/components/federated/connection-section";
import { WaitingForConnection } from "@/components/inventory/waiting-for-connection";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { currentActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/get-db";
import { listFederationConnections } from "@/lib/federated/data";
import { encryptionKey } from "@/lib/secrets/key";
import { credentialWriteActionsFor } from "../write-actions";
import { FederationSection } from "./federation-section";

export const metadata: Metadata = { title: "Federated credentials" };

export default async function FederatedCredentialsPage() {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  const federations = await listFederationConnections(await getDb(), encryptionKey());
  const actions = credentialWriteActionsFor(actor.role);
  return (
    <>
      <PageHeader
        title="Federated credentials"
        description="UiPath external applications that trust tokens from GitHub Actions, GitLab, Kubernetes and other OIDC issuers. UiPath compares iss and sub byte for byte: Trustdeck lints every change and checks the issuer before saving."
      />
      {federations.length === 0 ? (
        <Alert title="No UiPath connection yet">
          {hasRole(actor.role, "admin")
            ? "Add a UiPath connection on the Connections page to see its external applications here."
            : "An admin has to add a UiPath connection first."}
        </Alert>
      ) : (
        <div className="space-y-8">
          {federations.map((federation) =>
            federation.disabledSummary ? (
              <ConnectionSection key={federation.id} federation={federation.disabledSummary} actions={null} />
            ) : (
              // Each connection streams in on its own, from the inventory.
              <Suspense key={federation.id} fallback={<WaitingForConnection name={federation.name} />}>
                <FederationSection connectionId={federation.id} name={federation.name} actions={actions} />
              </Suspense>
            ),
          )}
        </div>
      )}
    </>
  );
}
