import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuditTable } from "@/components/audit/audit-table";
import { Card, PageHeader } from "@/components/ui/card";
import { NotBuiltYet } from "@/components/ui/not-built-yet";
import { queryAuditEvents } from "@/lib/audit/query";
import { auditFilterSchema } from "@/lib/audit/schemas";
import { currentActor } from "@/lib/auth/session";
import { listConnections } from "@/lib/connections/data";
import { VENDOR_LABELS, VENDORS } from "@/lib/connections/schemas";
import { getDb } from "@/lib/db/get-db";
import { encryptionKey } from "@/lib/secrets/key";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  if (!(await currentActor())) redirect("/login");
  const db = await getDb();
  const [connections, recent] = await Promise.all([listConnections(db, encryptionKey()), queryAuditEvents(db, auditFilterSchema.parse({}))]);
  return (
    <>
      <PageHeader title="Overview" description="Certificates and credentials about to expire, across every connected vendor account." />
      <div className="mb-6 grid gap-4 md:grid-cols-3">
        {VENDORS.map((vendor) => {
          const mine = connections.filter((c) => c.vendor === vendor);
          return (
            <Card key={vendor}>
              <h2 className="text-sm font-medium text-zinc-600 dark:text-zinc-400">{VENDOR_LABELS[vendor]}</h2>
              <p className="mt-1 text-2xl font-semibold">
                {mine.length} <span className="text-sm font-normal text-zinc-500">connection{mine.length === 1 ? "" : "s"}</span>
              </p>
              <p className="text-xs text-zinc-500">{mine.filter((c) => !c.enabled).length} disabled</p>
            </Card>
          );
        })}
      </div>
      <div className="mb-6">
        <NotBuiltYet feature="The expiry timeline" plan="Counts by expiry status, the next expiries, drift and the visual timeline come with the inventory. Connections and the audit log work today." />
      </div>
      <h2 className="mb-2 text-base font-semibold">Recent activity</h2>
      <AuditTable rows={recent.rows.slice(0, 8)} />
      <p className="mt-2 text-sm">
        <Link href="/audit" className="text-sky-700 underline dark:text-sky-400">
          Open the audit log
        </Link>
      </p>
    </>
  );
}
