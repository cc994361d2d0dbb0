import { ReadErrorAlert } from "@/components/ui/read-error-alert";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { AuditTable } from "@/components/audit/audit-table";
import { CertificateSetDetail } from "@/components/certificates/certificate-set-detail";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/card";
import { auditHistoryOf } from "@/lib/audit/query";
import { hasRole } from "@/lib/auth/roles";
import { currentActor } from "@/lib/auth/session";
import { readCertificateSet } from "@/lib/certificates/read";
import { VENDOR_LABELS } from "@/lib/connections/schemas";
import { getDb } from "@/lib/db/get-db";
import { formatUtcDateTime } from "@/lib/time/format";
import { encryptionKey } from "@/lib/secrets/key";
import { isVendorError } from "@/lib/vendors/errors";
import { listPendingWrites } from "@/lib/writes/pending";
import { PendingWritesNotice } from "@/components/writes/pending-writes-notice";
import { runCertificateActionAction } from "../../actions";

export const metadata: Metadata = { title: "Certificate set" };

export default async function CertificateSetPage({
  params,
}: {
  params: Promise<{ connectionId: string; setId: string }>;
}) {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  const { connectionId, setId: rawSetId } = await params;
  const setId = decodeURIComponent(rawSetId);
  if (!/^[0-9a-f-]{36}$/i.test(connectionId)) notFound();
  const db = await getDb();
  const history = await auditHistoryOf(db, "certificate-set", `${connectionId}/${setId}`);
  let read;
  try {
    read = await readCertificateSet(db, encryptionKey(), connectionId, setId);
  } catch (error) {
    if (!isVendorError(error)) throw error;
    if (error.kind === "not-found") notFound();
    return (
      <>
        <PageHeader title="Certificate set" />
        <ReadErrorAlert
          title="The vendor could not be read"
          message={error.userMessage}
          requestId={error.requestId}
        />
      </>
    );
  }
  if (!read) notFound();
  if (!read.ok)
    return (
      <>
        <PageHeader title="Certificate set" />
        <ReadErrorAlert title="The connection is disabled" message={read.message} />
      </>
    );
  const { set, connection } = read;
  const pending = await listPendingWrites(db, { connectionId, setId });
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/certificates" className="text-sky-700 underline dark:text-sky-400">
          ← All certificates
        </Link>
      </p>
      <PendingWritesNotice writes={pending} />
      <PageHeader
        title={set.label}
        description={`${VENDOR_LABELS[set.vendor]} · ${connection.name}${set.updatedAt ? ` · changed at the vendor ${formatUtcDateTime(set.updatedAt)}` : ""}`}
      />
      <CertificateSetDetail
        connectionId={connectionId}
        set={set}
        readAt={new Date().toISOString()}
        runAction={hasRole(actor.role, "operator") && connection.enabled ? runCertificateActionAction : null}
      />
      <h2 className="mt-8 mb-2 text-base font-semibold">History</h2>
      {history.length ? <AuditTable rows={history} /> : <Alert>No changes made through Trustdeck yet.</Alert>}
    </>
  );
}
