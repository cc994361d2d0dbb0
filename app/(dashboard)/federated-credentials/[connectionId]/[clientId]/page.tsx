import { ReadErrorAlert } from "@/components/ui/read-error-alert";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { ApplicationCard } from "@/components/federated/application-card";
import { DeferredTokenTester } from "@/components/federated/deferred-token-tester";
import { Card, PageHeader } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { currentActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/get-db";
import { listPendingWrites } from "@/lib/writes/pending";
import { PendingWritesNotice } from "@/components/writes/pending-writes-notice";
import { loadApplicationPage } from "@/lib/federated/data";
import { encryptionKey } from "@/lib/secrets/key";
import { exchangeTokenAction, issuerKeysAction } from "../../actions";
import { credentialWriteActionsFor } from "../../write-actions";

export const metadata: Metadata = { title: "External application" };

export default async function ApplicationPage({
  params,
}: {
  params: Promise<{ connectionId: string; clientId: string }>;
}) {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  const { connectionId, clientId: rawClientId } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(connectionId)) notFound();
  const clientId = decodeURIComponent(rawClientId);
  const db = await getDb();
  const page = await loadApplicationPage(db, encryptionKey(), connectionId, clientId);
  if (!page.ok && page.code === "not-found") notFound();
  const back = (
    <p className="mb-2 text-sm">
      <Link href="/federated-credentials" className="text-sky-700 underline dark:text-sky-400">
        ← All federated credentials
      </Link>
    </p>
  );
  if (!page.ok) {
    return (
      <>
        {back}
        <PageHeader title="External application" />
        <ReadErrorAlert
          title="UiPath could not be read"
          message={page.message}
          requestId={page.requestId}
          source="UiPath"
        />
      </>
    );
  }
  const { connection, app } = page;
  const pending = await listPendingWrites(db, { connectionId });
  const operator = hasRole(actor.role, "operator");
  const writes = credentialWriteActionsFor(actor.role, connection.canWrite);
  return (
    <>
      {back}
      <PageHeader
        title={app.name}
        description={`UiPath external application · ${connection.connectionName} (organization ${connection.organizationName})`}
      />
      <PendingWritesNotice writes={pending} />
      <div className="space-y-6">
        <ApplicationCard connection={connection} app={app} actions={writes} linkToApplication={false} />
        <Card>
          <h2 id="tester" className="mb-3 text-base font-semibold">
            Test a token
          </h2>
          <DeferredTokenTester
            connectionId={connection.connectionId}
            clientId={app.clientId}
            scopes={app.scopes}
            credentials={app.credentials ?? []}
            actions={{ issuerKeys: issuerKeysAction, exchange: operator ? exchangeTokenAction : null }}
          />
        </Card>
      </div>
    </>
  );
}
