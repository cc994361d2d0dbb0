import { ReadErrorAlert } from "@/components/ui/read-error-alert";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { AuditTable } from "@/components/audit/audit-table";
import { CredentialDetail } from "@/components/federated/credential-detail";
import { applicationHref } from "@/components/federated/links";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/card";
import { auditHistoryOf } from "@/lib/audit/query";
import { currentActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/get-db";
import { loadApplicationPage } from "@/lib/federated/data";
import { encryptionKey } from "@/lib/secrets/key";
import { credentialWriteActionsFor } from "../../../write-actions";

export const metadata: Metadata = { title: "Federated credential" };

export default async function CredentialPage({
  params,
}: {
  params: Promise<{ connectionId: string; clientId: string; credentialId: string }>;
}) {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  const { connectionId, clientId: rawClientId, credentialId: rawCredentialId } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(connectionId)) notFound();
  const clientId = decodeURIComponent(rawClientId);
  const credentialId = decodeURIComponent(rawCredentialId);
  const db = await getDb();
  const [page, history] = await Promise.all([
    loadApplicationPage(db, encryptionKey(), connectionId, clientId),
    auditHistoryOf(db, "federated-credential", credentialId),
  ]);
  if (!page.ok && page.code === "not-found") notFound();
  if (!page.ok) {
    return (
      <>
        <PageHeader title="Federated credential" />
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
  const credential = app.credentials?.find((c) => c.id === credentialId);
  if (!credential) notFound();
  const writes = credentialWriteActionsFor(actor.role, connection.canWrite);
  const context = {
    connectionId,
    clientId,
    appName: app.name,
    suggestedAudience: connection.suggestedAudience,
    credentials: app.credentials ?? [],
    usedByTrustdeck: app.usedByTrustdeck,
  };
  return (
    <>
      <p className="mb-2 text-sm">
        <Link
          href={applicationHref(connectionId, clientId)}
          className="text-sky-700 underline dark:text-sky-400"
        >
          ← {app.name}
        </Link>
      </p>
      <PageHeader
        title={credential.name ?? "Federated credential"}
        description={`Federated credential of ${app.name} · ${connection.connectionName}`}
      />
      <CredentialDetail credential={credential} context={context} actions={writes} />
      <h2 className="mt-8 mb-2 text-base font-semibold">History</h2>
      {history.length ? <AuditTable rows={history} /> : <Alert>No changes made through Trustdeck yet.</Alert>}
    </>
  );
}
