import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/card";
import { queryAuditEvents } from "@/lib/audit/query";
import { auditFilterSchema } from "@/lib/audit/schemas";
import { currentActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/get-db";

export const metadata: Metadata = { title: "Audit" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  if (!(await currentActor())) redirect("/login");
  const raw = Object.fromEntries(
    Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
  );
  const filter = auditFilterSchema.parse(raw);
  const { rows, total, pageCount } = await queryAuditEvents(await getDb(), filter);
  const page = filter.page ?? 1;
  const pageHref = (n: number) =>
    `/audit?${new URLSearchParams({ ...Object.fromEntries(Object.entries(raw).filter(([, v]) => v) as [string, string][]), page: String(n) })}`;
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every sign-in, refusal and change, with who did it and what changed. The log is append-only: nobody can edit or delete it from Trustdeck."
      />
      <AuditFilters values={raw} />
      <p className="mb-2 text-sm text-zinc-600 dark:text-zinc-400" aria-live="polite">
        {total} event{total === 1 ? "" : "s"} · page {page} of {pageCount}
      </p>
      {rows.length ? <AuditTable rows={rows} /> : <Alert>No events match these filters.</Alert>}
      <nav aria-label="Pagination" className="mt-4 flex gap-3 text-sm">
        {page > 1 ? <Link href={pageHref(page - 1)}>← Newer</Link> : null}
        {page < pageCount ? <Link href={pageHref(page + 1)}>Older →</Link> : null}
      </nav>
    </>
  );
}
