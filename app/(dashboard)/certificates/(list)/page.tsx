import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { CertificateFilters } from "@/components/certificates/certificate-filters";
import { CertificateList } from "@/components/certificates/certificate-list";
import { PageHeader } from "@/components/ui/card";
import { currentActor } from "@/lib/auth/session";
import { readCertificateInventory } from "@/lib/certificates/read";
import { certificateListFilterSchema } from "@/lib/certificates/schemas";
import { getDb } from "@/lib/db/get-db";
import { encryptionKey } from "@/lib/secrets/key";

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
  const inventory = await readCertificateInventory(await getDb(), encryptionKey());
  const connections = [
    ...new Map(inventory.entries.map((e) => [e.connection.id, e.connection])).values(),
  ].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <>
      <PageHeader
        title="Certificates"
        description="Every SAML certificate set of every connection, read live from the vendors: UiPath primary/secondary, Cloudflare current/previous, Huawei SP and IdP certificates."
      />
      <CertificateFilters filter={filter} connections={connections} />
      <CertificateList initial={inventory} filter={filter} />
    </>
  );
}
