import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { CertificateFilters } from "@/components/certificates/certificate-filters";
import { WaitingForConnection } from "@/components/inventory/waiting-for-connection";
import { PageHeader } from "@/components/ui/card";
import { currentActor } from "@/lib/auth/session";
import { readListedConnections } from "@/lib/certificates/read";
import { certificateListFilterSchema } from "@/lib/certificates/schemas";
import { getDb } from "@/lib/db/get-db";
import { ConnectionStatusSection } from "./connection-section";
import { CertificateListSection } from "./list-section";

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
      <div className="mb-6 grid gap-3 md:grid-cols-2 xl:grid-cols-3">
        {shown.map((connection) => (
          // Each connection streams in on its own: the page never waits for the slowest one.
          <Suspense key={connection.id} fallback={<WaitingForConnection name={connection.name} card />}>
            <ConnectionStatusSection connection={connection} />
          </Suspense>
        ))}
      </div>
      <Suspense fallback={<p role="status">Still waiting for the inventory…</p>}>
        <CertificateListSection connections={connections} filter={filter} />
      </Suspense>
    </>
  );
}
