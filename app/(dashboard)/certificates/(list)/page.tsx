import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { CertificateFilters } from "@/components/certificates/certificate-filters";
import { WaitingForConnection } from "@/components/inventory/waiting-for-connection";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/card";
import { currentActor } from "@/lib/auth/session";
import { readListedConnections } from "@/lib/certificates/read";
import { certificateListFilterSchema } from "@/lib/certificates/schemas";
import { getDb } from "@/lib/db/get-db";
import { CertificateConnectionSection } from "./connection-section";

export const metadata: Metadata = { title: "Certificates" };

export default async function CertificatesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (!(await currentActor())) redirect("/login");
  const raw = Object.fromEntries(
    Object.entries(await searchParams).map(([k, v]) => [k, (Array.isArray(v) ? v[0] : v) || undefined]),
  );
  const filter = certificateListFilterSchema.parse(raw);
  const connections = await readListedConnections(await getDb());
  const shown = connections.filter(
    (c) =>
      (!filter.vendor || c.vendor === filter.vendor) && (!filter.connection || c.id === filter.connection),
  );
  return (
    <>
      <PageHeader
        title="Certificates"
        description="Every SAML certificate set of every connection, from Trustdeck's inventory as each connection was last read: UiPath primary/secondary, Cloudflare current/previous, Huawei SP and IdP certificates. A set's page reads it live."
      />
      <CertificateFilters
        filter={filter}
        connections={[...connections].sort((a, b) => a.name.localeCompare(b.name))}
      />
      {shown.length === 0 ? (
        <Alert>
          {connections.length === 0
            ? "No certificate sets yet: add a connection."
            : "No connection matches these filters."}
        </Alert>
      ) : (
        <div className="space-y-8">
          {shown.map((connection) => (
            // Each connection streams in on its own: the page never waits for the slowest one.
            <Suspense key={connection.id} fallback={<WaitingForConnection name={connection.name} />}>
              <CertificateConnectionSection connection={connection} filter={filter} />
            </Suspense>
          ))}
        </div>
      )}
    </>
  );
}
